/* N-API glue: runFaxCall(options) returns a Promise and runs the call on libuv's worker pool, so the
   event loop stays free while spandsp works. Options are validated in TypeScript first
   (server/gateway/spandsp/native-fax-call.ts); here we only copy them into C. */
#include <stdlib.h>
#include <string.h>
#include <tiffio.h>
#include <node_api.h>

#include "fax_call.h"

typedef struct {
    napi_async_work work;
    napi_deferred deferred;
    fax_call_options_t opts;
    fax_call_result_t result;
} job_t;

static void read_string(napi_env env, napi_value obj, const char *key, char *dest, size_t size) {
    napi_value value;
    napi_valuetype type;
    size_t copied = 0;
    dest[0] = 0;
    if (napi_get_named_property(env, obj, key, &value) != napi_ok) return;
    if (napi_typeof(env, value, &type) != napi_ok || type != napi_string) return;
    napi_get_value_string_utf8(env, value, dest, size, &copied);
}

static int read_int(napi_env env, napi_value obj, const char *key, int fallback) {
    napi_value value;
    napi_valuetype type;
    int32_t out = fallback;
    if (napi_get_named_property(env, obj, key, &value) != napi_ok) return fallback;
    if (napi_typeof(env, value, &type) != napi_ok) return fallback;
    if (type == napi_boolean) {
        bool flag = false;
        napi_get_value_bool(env, value, &flag);
        return flag ? 1 : 0;
    }
    if (type != napi_number) return fallback;
    napi_get_value_int32(env, value, &out);
    return out;
}

static void set_int(napi_env env, napi_value obj, const char *key, int value) {
    napi_value v;
    napi_create_int32(env, value, &v);
    napi_set_named_property(env, obj, key, v);
}

static void set_string(napi_env env, napi_value obj, const char *key, const char *value) {
    napi_value v;
    napi_create_string_utf8(env, value, NAPI_AUTO_LENGTH, &v);
    napi_set_named_property(env, obj, key, v);
}

static void execute(napi_env env, void *data) {
    job_t *job = (job_t *) data;
    (void) env;
    fax_call_run(&job->opts, &job->result);
}

static void complete(napi_env env, napi_status status, void *data) {
    job_t *job = (job_t *) data;
    fax_call_result_t *r = &job->result;
    napi_value obj;
    napi_value events;
    int i;
    if (status != napi_ok) {
        napi_value message;
        napi_value error;
        napi_create_string_utf8(env, "fax call was cancelled before it ran", NAPI_AUTO_LENGTH, &message);
        napi_create_error(env, NULL, message, &error);
        napi_reject_deferred(env, job->deferred, error);
    } else {
        napi_create_object(env, &obj);
        set_int(env, obj, "resultCode", r->result_code);
        set_string(env, obj, "resultText", r->result_text);
        set_int(env, obj, "receiverCode", r->receiver_code);
        set_int(env, obj, "pagesSent", r->pages_sent);
        set_int(env, obj, "pagesReceived", r->pages_received);
        set_int(env, obj, "pagesInFile", r->pages_in_file);
        set_int(env, obj, "bitRate", r->bit_rate);
        set_int(env, obj, "ecmUsed", r->ecm_used);
        set_int(env, obj, "xDpi", r->x_dpi);
        set_int(env, obj, "yDpi", r->y_dpi);
        set_string(env, obj, "remoteIdent", r->remote_ident);
        set_int(env, obj, "callMs", r->call_ms);
        set_int(env, obj, "timedOut", r->timed_out);
        napi_create_array_with_length(env, (size_t) r->event_count, &events);
        for (i = 0; i < r->event_count; i++) {
            napi_value ev;
            napi_create_object(env, &ev);
            set_string(env, ev, "kind", r->events[i].kind == FAX_EVENT_CONNECTED ? "connected" : "page");
            set_int(env, ev, "page", r->events[i].page);
            set_int(env, ev, "atMs", r->events[i].at_ms);
            napi_set_element(env, events, (uint32_t) i, ev);
        }
        napi_set_named_property(env, obj, "events", events);
        napi_resolve_deferred(env, job->deferred, obj);
    }
    napi_delete_async_work(env, job->work);
    free(job);
}

static fax_link_t read_link(napi_env env, napi_value obj) {
    char link[16];
    read_string(env, obj, "link", link, sizeof(link));
    if (strcmp(link, "alaw") == 0) return FAX_LINK_ALAW;
    if (strcmp(link, "ulaw") == 0) return FAX_LINK_ULAW;
    if (strcmp(link, "t38") == 0) return FAX_LINK_T38;
    return FAX_LINK_LINEAR;
}

static napi_value run_fax_call(napi_env env, napi_callback_info info) {
    size_t argc = 1;
    napi_value argv[1];
    napi_value promise;
    napi_value name;
    napi_valuetype type;
    job_t *job;

    napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
    if (argc < 1 || napi_typeof(env, argv[0], &type) != napi_ok || type != napi_object) {
        napi_throw_type_error(env, NULL, "runFaxCall expects an options object");
        return NULL;
    }
    job = calloc(1, sizeof(job_t));
    if (!job) {
        napi_throw_error(env, NULL, "out of memory");
        return NULL;
    }
    read_string(env, argv[0], "txFile", job->opts.tx_file, sizeof(job->opts.tx_file));
    read_string(env, argv[0], "rxFile", job->opts.rx_file, sizeof(job->opts.rx_file));
    read_string(env, argv[0], "txIdent", job->opts.tx_ident, sizeof(job->opts.tx_ident));
    read_string(env, argv[0], "rxIdent", job->opts.rx_ident, sizeof(job->opts.rx_ident));
    read_string(env, argv[0], "headerInfo", job->opts.header_info, sizeof(job->opts.header_info));
    read_string(env, argv[0], "headerTz", job->opts.header_tz, sizeof(job->opts.header_tz));
    job->opts.link = read_link(env, argv[0]);
    job->opts.ecm = read_int(env, argv[0], "ecm", 1);
    job->opts.drop_after_pages = read_int(env, argv[0], "dropAfterPages", -1);
    job->opts.receiver_fail_after_pages = read_int(env, argv[0], "receiverFailAfterPages", -1);
    job->opts.silent_far_end = read_int(env, argv[0], "silentFarEnd", 0);
    job->opts.max_call_seconds = read_int(env, argv[0], "maxCallSeconds", 1800);

    napi_create_promise(env, &job->deferred, &promise);
    napi_create_string_utf8(env, "faxport:fax-call", NAPI_AUTO_LENGTH, &name);
    napi_create_async_work(env, NULL, name, execute, complete, job, &job->work);
    napi_queue_async_work(env, job->work);
    return promise;
}

static napi_value init(napi_env env, napi_value exports) {
    napi_value fn;
    /* libtiff would print to stderr from the worker thread; failures reach JS as result codes. */
    TIFFSetWarningHandler(NULL);
    TIFFSetErrorHandler(NULL);
    napi_create_function(env, "runFaxCall", NAPI_AUTO_LENGTH, run_fax_call, NULL, &fn);
    napi_set_named_property(env, exports, "runFaxCall", fn);
    return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
