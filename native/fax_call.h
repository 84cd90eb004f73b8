/* One complete simulated fax call between two spandsp T.30 engines, run in-process.
   Pure C (no Node): the N-API glue in addon.c calls fax_call_run() on a worker thread. */
#ifndef FAXPORT_FAX_CALL_H
#define FAXPORT_FAX_CALL_H

#define FAX_CALL_MAX_EVENTS 64
#define FAX_CALL_IDENT_LEN 21

typedef enum {
    FAX_LINK_LINEAR = 0, /* 16-bit linear audio */
    FAX_LINK_ALAW,       /* audio companded through G.711 A-law both ways */
    FAX_LINK_ULAW,       /* audio companded through G.711 mu-law both ways */
    FAX_LINK_T38         /* two T.38 terminals exchanging IFP packets */
} fax_link_t;

typedef struct {
    char tx_file[1024];
    char rx_file[1024];
    char tx_ident[FAX_CALL_IDENT_LEN];
    char rx_ident[FAX_CALL_IDENT_LEN];
    char header_info[51];
    /* POSIX TZ string for the header line's date and time ("" = the process's zone). */
    char header_tz[64];
    fax_link_t link;
    int ecm;
    /* >= 0: the line goes dead a few seconds into the image of page (drop_after_pages + 1). */
    int drop_after_pages;
    /* >= 0: the receiver stops answering during page (receiver_fail_after_pages + 1), as an
       out-of-paper machine would. */
    int receiver_fail_after_pages;
    /* The far end never answers with fax tones (a line with no fax machine on it). */
    int silent_far_end;
    /* Give up after this much simulated call time. */
    int max_call_seconds;
} fax_call_options_t;

typedef enum { FAX_EVENT_CONNECTED = 1, FAX_EVENT_PAGE = 2 } fax_event_kind_t;

typedef struct {
    fax_event_kind_t kind;
    int page;
    int at_ms; /* simulated call time */
} fax_call_event_t;

typedef struct {
    int result_code;       /* sender's T.30 completion code */
    char result_text[128];
    int receiver_code;     /* receiver's T.30 completion code (-1: never finished) */
    int pages_sent;        /* pages the sender saw confirmed */
    int pages_received;    /* pages the receiver wrote */
    int pages_in_file;
    int bit_rate;
    int ecm_used;
    int x_dpi;
    int y_dpi;
    char remote_ident[FAX_CALL_IDENT_LEN];
    int call_ms;           /* simulated call time */
    int timed_out;         /* hit max_call_seconds */
    int event_count;
    fax_call_event_t events[FAX_CALL_MAX_EVENTS];
} fax_call_result_t;

/* Returns 0 when the call ran (whatever its outcome), -1 when the engines could not be set up. */
int fax_call_run(const fax_call_options_t *opts, fax_call_result_t *out);

#endif
