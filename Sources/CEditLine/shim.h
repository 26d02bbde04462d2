// Typed wrappers for libedit's variadic functions (el_set, el_get, history), which Swift cannot call,
// and accessors for the C standard streams, which Swift 6 rejects as shared mutable globals.
#ifndef WEKAQL_CEDITLINE_SHIM_H
#define WEKAQL_CEDITLINE_SHIM_H

#include <stdio.h>
#include <histedit.h>

typedef char *(*wekaql_prompt_fn)(EditLine *);
typedef unsigned char (*wekaql_command_fn)(EditLine *, int);

static inline FILE *wekaql_stdin(void) { return stdin; }
static inline FILE *wekaql_stdout(void) { return stdout; }
static inline FILE *wekaql_stderr(void) { return stderr; }

static inline int wekaql_el_set_prompt(EditLine *el, wekaql_prompt_fn fn) { return el_set(el, EL_PROMPT, fn); }
static inline int wekaql_el_set_prompt_esc(EditLine *el, wekaql_prompt_fn fn, char ignore) {
    return el_set(el, EL_PROMPT_ESC, fn, ignore);
}
static inline int wekaql_el_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline int wekaql_el_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
static inline int wekaql_el_set_clientdata(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }
static inline void *wekaql_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}
static inline int wekaql_el_set_hist(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
static inline int wekaql_el_addfn(EditLine *el, const char *name, const char *help, wekaql_command_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int wekaql_el_bind(EditLine *el, const char *key, const char *command) {
    return el_set(el, EL_BIND, key, command, NULL);
}
static inline int wekaql_el_setty(EditLine *el, const char *a, const char *b) {
    return el_set(el, EL_SETTY, a, b, NULL);
}

static inline int wekaql_history_setsize(History *h, HistEvent *ev, int size) { return history(h, ev, H_SETSIZE, size); }
static inline int wekaql_history_setunique(History *h, HistEvent *ev, int on) { return history(h, ev, H_SETUNIQUE, on); }
static inline int wekaql_history_enter(History *h, HistEvent *ev, const char *line) { return history(h, ev, H_ENTER, line); }
static inline int wekaql_history_load(History *h, HistEvent *ev, const char *path) { return history(h, ev, H_LOAD, path); }
static inline int wekaql_history_save(History *h, HistEvent *ev, const char *path) { return history(h, ev, H_SAVE, path); }
static inline int wekaql_history_clear(History *h, HistEvent *ev) { return history(h, ev, H_CLEAR); }
static inline int wekaql_history_last(History *h, HistEvent *ev) { return history(h, ev, H_LAST); }
static inline int wekaql_history_prev(History *h, HistEvent *ev) { return history(h, ev, H_PREV); }

/* The process environment, for posix_spawn (a mutable C global that Swift 6 will not read directly). */
static inline char **wekaql_environ(void) {
    extern char **environ;
    return environ;
}

#endif
