// Typed wrappers for libedit's functions, which the shell calls through this header only.
// libedit is opened with dlopen the first time the shell needs it, so that `wekaql -e …` and scripts do
// not pay for loading it (and its dependencies) at start-up. The variadic functions (el_set, el_get,
// history) get one typed wrapper per use, since Swift cannot call C variadic functions. The C standard
// streams are returned from functions, since Swift 6 rejects them as shared mutable globals.
#ifndef WEKAQL_CEDITLINE_SHIM_H
#define WEKAQL_CEDITLINE_SHIM_H

#include <dlfcn.h>
#include <stdio.h>
#include <histedit.h>

typedef char *(*wekaql_prompt_fn)(EditLine *);
typedef unsigned char (*wekaql_command_fn)(EditLine *, int);

static inline FILE *wekaql_stdin(void) { return stdin; }
static inline FILE *wekaql_stdout(void) { return stdout; }
static inline FILE *wekaql_stderr(void) { return stderr; }

/* The libedit library, opened once (dlopen returns the same handle when asked again). */
static inline void *wekaql_editline_handle(void) {
    static void *handle = NULL;
    if (!handle) handle = dlopen("libedit.so.2", RTLD_NOW | RTLD_LOCAL);
    if (!handle) handle = dlopen("libedit.so", RTLD_NOW | RTLD_LOCAL);
#ifdef __APPLE__
    if (!handle) handle = dlopen("libedit.dylib", RTLD_NOW | RTLD_LOCAL);
#endif
    return handle;
}

/* Whether libedit could be loaded; the shell falls back to plain line input when it cannot. */
static inline int wekaql_editline_available(void) { return wekaql_editline_handle() != NULL; }

/* Declares `fn`, a pointer to libedit's `name` with the type of the real function, resolved on first use. */
#define WEKAQL_RESOLVE(name) \
    static __typeof__(&name) fn = NULL; \
    if (!fn) fn = (__typeof__(&name))dlsym(wekaql_editline_handle(), #name)

static inline EditLine *wekaql_el_init(const char *program, FILE *in, FILE *out, FILE *err) {
    WEKAQL_RESOLVE(el_init); return fn(program, in, out, err);
}
static inline void wekaql_el_end(EditLine *el) { WEKAQL_RESOLVE(el_end); fn(el); }
static inline const char *wekaql_el_gets(EditLine *el, int *count) { WEKAQL_RESOLVE(el_gets); return fn(el, count); }
static inline const LineInfo *wekaql_el_line(EditLine *el) { WEKAQL_RESOLVE(el_line); return fn(el); }
static inline int wekaql_el_insertstr(EditLine *el, const char *text) { WEKAQL_RESOLVE(el_insertstr); return fn(el, text); }
static inline void wekaql_el_deletestr(EditLine *el, int count) { WEKAQL_RESOLVE(el_deletestr); fn(el, count); }
static inline int wekaql_el_cursor(EditLine *el, int count) { WEKAQL_RESOLVE(el_cursor); return fn(el, count); }
static inline void wekaql_el_push(EditLine *el, const char *text) { WEKAQL_RESOLVE(el_push); fn(el, text); }
static inline History *wekaql_history_init(void) { WEKAQL_RESOLVE(history_init); return fn(); }
static inline void wekaql_history_end(History *h) { WEKAQL_RESOLVE(history_end); fn(h); }

static inline int wekaql_el_set_prompt(EditLine *el, wekaql_prompt_fn p) { WEKAQL_RESOLVE(el_set); return fn(el, EL_PROMPT, p); }
static inline int wekaql_el_set_prompt_esc(EditLine *el, wekaql_prompt_fn p, char ignore) {
    WEKAQL_RESOLVE(el_set); return fn(el, EL_PROMPT_ESC, p, ignore);
}
static inline int wekaql_el_set_editor(EditLine *el, const char *mode) { WEKAQL_RESOLVE(el_set); return fn(el, EL_EDITOR, mode); }
static inline int wekaql_el_set_signal(EditLine *el, int on) { WEKAQL_RESOLVE(el_set); return fn(el, EL_SIGNAL, on); }
static inline int wekaql_el_set_clientdata(EditLine *el, void *data) { WEKAQL_RESOLVE(el_set); return fn(el, EL_CLIENTDATA, data); }
static inline void *wekaql_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    WEKAQL_RESOLVE(el_get);
    fn(el, EL_CLIENTDATA, &data);
    return data;
}
static inline int wekaql_el_set_hist(EditLine *el, History *h) {
    WEKAQL_RESOLVE(el_set);
    __typeof__(&history) historyFunction = (__typeof__(&history))dlsym(wekaql_editline_handle(), "history");
    return fn(el, EL_HIST, historyFunction, h);
}
static inline int wekaql_el_addfn(EditLine *el, const char *name, const char *help, wekaql_command_fn f) {
    WEKAQL_RESOLVE(el_set); return fn(el, EL_ADDFN, name, help, f);
}
static inline int wekaql_el_bind(EditLine *el, const char *key, const char *command) {
    WEKAQL_RESOLVE(el_set); return fn(el, EL_BIND, key, command, NULL);
}
static inline int wekaql_el_setty(EditLine *el, const char *a, const char *b) {
    WEKAQL_RESOLVE(el_set); return fn(el, EL_SETTY, a, b, NULL);
}

static inline int wekaql_history_setsize(History *h, HistEvent *ev, int size) { WEKAQL_RESOLVE(history); return fn(h, ev, H_SETSIZE, size); }
static inline int wekaql_history_setunique(History *h, HistEvent *ev, int on) { WEKAQL_RESOLVE(history); return fn(h, ev, H_SETUNIQUE, on); }
static inline int wekaql_history_enter(History *h, HistEvent *ev, const char *line) { WEKAQL_RESOLVE(history); return fn(h, ev, H_ENTER, line); }
static inline int wekaql_history_load(History *h, HistEvent *ev, const char *path) { WEKAQL_RESOLVE(history); return fn(h, ev, H_LOAD, path); }
static inline int wekaql_history_save(History *h, HistEvent *ev, const char *path) { WEKAQL_RESOLVE(history); return fn(h, ev, H_SAVE, path); }
static inline int wekaql_history_clear(History *h, HistEvent *ev) { WEKAQL_RESOLVE(history); return fn(h, ev, H_CLEAR); }
static inline int wekaql_history_last(History *h, HistEvent *ev) { WEKAQL_RESOLVE(history); return fn(h, ev, H_LAST); }
static inline int wekaql_history_prev(History *h, HistEvent *ev) { WEKAQL_RESOLVE(history); return fn(h, ev, H_PREV); }

#undef WEKAQL_RESOLVE

/* The process environment, for posix_spawn (a mutable C global that Swift 6 will not read directly). */
static inline char **wekaql_environ(void) {
    extern char **environ;
    return environ;
}

#endif
