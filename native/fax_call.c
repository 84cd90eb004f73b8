/* A complete fax call between two spandsp 0.0.6 T.30 engines in one process: the calling side
   transmits a TIFF, the answering side writes what it receives to another TIFF. Audio moves in
   20 ms blocks (160 samples at 8 kHz) so the simulated call time is the real line time. */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tiffio.h>
#include <spandsp.h>

#include "fax_call.h"

#define BLOCK 160
#define SAMPLES_PER_MS 8
/* The line fails this long after the sender is told to go ahead with a page: well before the page
   could be confirmed (the post-page exchange alone takes over a second at 300 bit/s). */
#define FAULT_DELAY_SAMPLES (500 * SAMPLES_PER_MS)
#define PACKET_MAX 600
#define QUEUE_MAX 256

typedef struct {
    int len;
    uint8_t data[PACKET_MAX];
} packet_t;

typedef struct {
    int count;
    int overflow;
    packet_t packets[QUEUE_MAX];
} packet_queue_t;

typedef struct {
    const fax_call_options_t *opts;
    fax_call_result_t *out;
    long samples;
    int tx_done;
    int rx_done;
    int go_aheads;        /* CFR/MCF frames the sender received: each starts a page */
    long fault_at;        /* sample count at which the configured fault strikes, -1 none */
    int line_dead;
    int receiver_failed;
    t30_state_t *tx_t30;
    t30_state_t *rx_t30;
} call_t;

static int ms_now(const call_t *c) { return (int) (c->samples / SAMPLES_PER_MS); }

static void add_event(call_t *c, fax_event_kind_t kind, int page) {
    fax_call_result_t *out = c->out;
    if (out->event_count >= FAX_CALL_MAX_EVENTS) return;
    out->events[out->event_count].kind = kind;
    out->events[out->event_count].page = page;
    out->events[out->event_count].at_ms = ms_now(c);
    out->event_count++;
}

static int tx_phase_b(t30_state_t *s, void *user_data, int result) {
    (void) s;
    (void) result;
    add_event((call_t *) user_data, FAX_EVENT_CONNECTED, 0);
    return T30_ERR_OK;
}

static int tx_phase_d(t30_state_t *s, void *user_data, int result) {
    call_t *c = (call_t *) user_data;
    t30_stats_t stats;
    (void) result;
    t30_get_transfer_statistics(s, &stats);
    add_event(c, FAX_EVENT_PAGE, stats.pages_tx);
    return T30_ERR_OK;
}

static void tx_phase_e(t30_state_t *s, void *user_data, int code) {
    call_t *c = (call_t *) user_data;
    (void) s;
    if (c->tx_done) return;
    c->tx_done = 1;
    c->out->result_code = code;
}

static void rx_phase_e(t30_state_t *s, void *user_data, int code) {
    call_t *c = (call_t *) user_data;
    (void) s;
    if (c->rx_done) return;
    c->rx_done = 1;
    c->out->receiver_code = code;
}

/* Watches the frames the sender receives to know when a page's image starts. */
static void tx_frames(t30_state_t *s, void *user_data, int incoming, const uint8_t msg[], int len) {
    call_t *c = (call_t *) user_data;
    int fault_page;
    (void) s;
    if (!incoming || len < 3) return;
    if ((msg[2] & 0xFE) != T30_CFR && (msg[2] & 0xFE) != T30_MCF) return;
    c->go_aheads++;
    fault_page = c->opts->drop_after_pages >= 0 ? c->opts->drop_after_pages : c->opts->receiver_fail_after_pages;
    if (fault_page >= 0 && c->fault_at < 0 && c->go_aheads == fault_page + 1)
        c->fault_at = c->samples + FAULT_DELAY_SAMPLES;
}

static void configure(t30_state_t *t30, const fax_call_options_t *opts, const char *ident, call_t *c, int sender) {
    t30_set_tx_ident(t30, ident);
    t30_set_ecm_capability(t30, opts->ecm);
    t30_set_supported_modems(t30, T30_SUPPORT_V27TER | T30_SUPPORT_V29 | T30_SUPPORT_V17);
    t30_set_supported_compressions(t30, T30_SUPPORT_T4_1D_COMPRESSION | T30_SUPPORT_T4_2D_COMPRESSION
                                        | T30_SUPPORT_T6_COMPRESSION);
    if (sender) {
        if (opts->header_info[0]) {
            t30_set_tx_page_header_info(t30, opts->header_info);
            if (opts->header_tz[0]) t30_set_tx_page_header_tz(t30, opts->header_tz);
            /* The header line is added above the page, never printed over the document. */
            t30_set_tx_page_header_overlays_image(t30, 0);
        }
        t30_set_tx_file(t30, opts->tx_file, -1, -1);
        t30_set_phase_b_handler(t30, tx_phase_b, c);
        t30_set_phase_d_handler(t30, tx_phase_d, c);
        t30_set_phase_e_handler(t30, tx_phase_e, c);
        t30_set_real_time_frame_handler(t30, tx_frames, c);
    } else {
        t30_set_rx_file(t30, opts->rx_file, -1);
        t30_set_phase_e_handler(t30, rx_phase_e, c);
    }
}

/* Applies a due fault. Returns 1 once the line is dead (nothing more passes either way). */
static void apply_fault(call_t *c) {
    if (c->fault_at < 0 || c->samples < c->fault_at) return;
    c->fault_at = -1;
    if (c->opts->drop_after_pages >= 0) {
        /* The call hangs up: both engines are told, as a channel hang-up would. */
        c->line_dead = 1;
        if (!c->tx_done) t30_terminate(c->tx_t30);
        if (c->rx_t30 && !c->rx_done) t30_terminate(c->rx_t30);
    } else {
        /* The receiving machine gives up and goes quiet; the sender is left waiting. */
        c->receiver_failed = 1;
        if (c->rx_t30 && !c->rx_done) t30_terminate(c->rx_t30);
    }
}

static int16_t compand(int16_t sample, fax_link_t link) {
    if (link == FAX_LINK_ALAW) return alaw_to_linear(linear_to_alaw(sample));
    if (link == FAX_LINK_ULAW) return ulaw_to_linear(linear_to_ulaw(sample));
    return sample;
}

static int finished(const call_t *c) {
    if (!c->tx_done) return 0;
    return c->rx_t30 == NULL || c->rx_done || c->line_dead || c->receiver_failed;
}

/* Statistics are read before the engines are freed. */
static void collect_stats(call_t *c) {
    t30_stats_t stats;
    const char *ident = t30_get_rx_ident(c->tx_t30);
    t30_get_transfer_statistics(c->tx_t30, &stats);
    c->out->pages_sent = stats.pages_tx;
    c->out->pages_in_file = stats.pages_in_file;
    c->out->bit_rate = stats.bit_rate;
    c->out->ecm_used = stats.error_correcting_mode;
    c->out->x_dpi = (int) lround(stats.x_resolution * 0.0254);
    c->out->y_dpi = (int) lround(stats.y_resolution * 0.0254);
    if (ident) snprintf(c->out->remote_ident, FAX_CALL_IDENT_LEN, "%s", ident);
    if (c->rx_t30) {
        t30_get_transfer_statistics(c->rx_t30, &stats);
        c->out->pages_received = stats.pages_rx;
    }
}

static void run_audio(call_t *c) {
    const fax_call_options_t *opts = c->opts;
    long max_samples = (long) opts->max_call_seconds * 8000L;
    fax_state_t *tx = fax_init(NULL, 1);
    fax_state_t *rx = opts->silent_far_end ? NULL : fax_init(NULL, 0);
    int16_t tx_audio[BLOCK];
    int16_t rx_audio[BLOCK];
    int i;
    int n;

    c->tx_t30 = fax_get_t30_state(tx);
    fax_set_transmit_on_idle(tx, 1);
    configure(c->tx_t30, opts, opts->tx_ident, c, 1);
    if (rx) {
        c->rx_t30 = fax_get_t30_state(rx);
        fax_set_transmit_on_idle(rx, 1);
        configure(c->rx_t30, opts, opts->rx_ident, c, 0);
    }
    while (!finished(c)) {
        if (c->samples >= max_samples) {
            c->out->timed_out = 1;
            break;
        }
        n = fax_tx(tx, tx_audio, BLOCK);
        for (i = n; i < BLOCK; i++) tx_audio[i] = 0;
        if (rx && !c->receiver_failed) {
            n = fax_tx(rx, rx_audio, BLOCK);
            for (i = n; i < BLOCK; i++) rx_audio[i] = 0;
        } else {
            memset(rx_audio, 0, sizeof(rx_audio));
        }
        for (i = 0; i < BLOCK; i++) {
            tx_audio[i] = compand(tx_audio[i], opts->link);
            rx_audio[i] = compand(rx_audio[i], opts->link);
        }
        if (c->line_dead) {
            memset(tx_audio, 0, sizeof(tx_audio));
            memset(rx_audio, 0, sizeof(rx_audio));
        }
        if (!c->tx_done) fax_rx(tx, rx_audio, BLOCK);
        if (rx && !c->rx_done && !c->receiver_failed) fax_rx(rx, tx_audio, BLOCK);
        c->samples += BLOCK;
        apply_fault(c);
    }
    if (!c->tx_done) t30_terminate(c->tx_t30);
    if (rx && !c->rx_done) t30_terminate(c->rx_t30);
    collect_stats(c);
    fax_free(tx);
    if (rx) fax_free(rx);
}

static int queue_packet(t38_core_state_t *s, void *user_data, const uint8_t *buf, int len, int count) {
    packet_queue_t *q = (packet_queue_t *) user_data;
    (void) s;
    (void) count; /* redundant copies are for lossy UDP; our link loses nothing */
    if (q->count >= QUEUE_MAX || len > PACKET_MAX) {
        q->overflow = 1;
        return -1;
    }
    q->packets[q->count].len = len;
    memcpy(q->packets[q->count].data, buf, (size_t) len);
    q->count++;
    return 0;
}

static void deliver(packet_queue_t *q, t38_terminal_state_t *to, uint16_t *seq, int drop) {
    int i;
    for (i = 0; i < q->count; i++) {
        if (!drop) t38_core_rx_ifp_packet(t38_terminal_get_t38_core_state(to), q->packets[i].data, q->packets[i].len, (*seq)++);
    }
    q->count = 0;
}

static void run_t38(call_t *c) {
    const fax_call_options_t *opts = c->opts;
    long max_samples = (long) opts->max_call_seconds * 8000L;
    packet_queue_t *to_rx = calloc(1, sizeof(packet_queue_t));
    packet_queue_t *to_tx = calloc(1, sizeof(packet_queue_t));
    t38_terminal_state_t *tx = t38_terminal_init(NULL, 1, queue_packet, to_rx);
    t38_terminal_state_t *rx = opts->silent_far_end ? NULL : t38_terminal_init(NULL, 0, queue_packet, to_tx);
    uint16_t seq_to_rx = 0;
    uint16_t seq_to_tx = 0;

    c->tx_t30 = t38_terminal_get_t30_state(tx);
    configure(c->tx_t30, opts, opts->tx_ident, c, 1);
    if (rx) {
        c->rx_t30 = t38_terminal_get_t30_state(rx);
        configure(c->rx_t30, opts, opts->rx_ident, c, 0);
    }
    while (!finished(c)) {
        if (c->samples >= max_samples || to_rx->overflow || to_tx->overflow) {
            c->out->timed_out = 1;
            break;
        }
        if (!c->tx_done) t38_terminal_send_timeout(tx, BLOCK);
        if (rx && !c->rx_done && !c->receiver_failed) t38_terminal_send_timeout(rx, BLOCK);
        deliver(to_rx, rx, &seq_to_rx, rx == NULL || c->line_dead || c->receiver_failed || c->rx_done);
        deliver(to_tx, tx, &seq_to_tx, c->line_dead || c->tx_done);
        c->samples += BLOCK;
        apply_fault(c);
    }
    if (!c->tx_done) t30_terminate(c->tx_t30);
    if (rx && !c->rx_done) t30_terminate(c->rx_t30);
    collect_stats(c);
    t38_terminal_free(tx);
    if (rx) t38_terminal_free(rx);
    free(to_rx);
    free(to_tx);
}

int fax_call_run(const fax_call_options_t *opts, fax_call_result_t *out) {
    call_t call;
    memset(out, 0, sizeof(*out));
    memset(&call, 0, sizeof(call));
    out->receiver_code = -1;
    out->result_code = -1;
    call.opts = opts;
    call.out = out;
    call.fault_at = -1;
    if (opts->link == FAX_LINK_T38)
        run_t38(&call);
    else
        run_audio(&call);
    if (out->result_code < 0) out->result_code = T30_ERR_CALLDROPPED;
    snprintf(out->result_text, sizeof(out->result_text), "%s", t30_completion_code_to_str(out->result_code));
    out->call_ms = ms_now(&call);
    return 0;
}
