/*
 * wekaql.h — the C API of wekaql, a query language over the data of INTERPOL's Operation Weka II.
 *
 * Link with libWekaQLC.so (built by `./dev.sh capi`, which also copies this header beside it). The
 * shape follows sqlite3's: open an engine, load data, prepare a query, bind its $parameters, step
 * through the rows, read each column with a typed getter, finalize.
 *
 *     wekaql_engine *db = wekaql_open(1);
 *     wekaql_stmt *q;
 *     if (wekaql_prepare(db, "arrests where country = $c select country, arrested", &q) != WEKAQL_OK)
 *         fprintf(stderr, "%s\n", wekaql_errors_json(db));
 *     wekaql_bind_text(q, "c", "Togo");
 *     while (wekaql_step(q) == WEKAQL_ROW)
 *         printf("%s %lld\n", wekaql_column_text(q, 0), (long long)wekaql_column_int64(q, 1));
 *     wekaql_finalize(q);
 *     wekaql_close(db);
 *
 * Ownership: every pointer returned as `const char *` belongs to the handle it came from and stays valid
 * until the next call on that handle (for a column's text: until the next wekaql_step, wekaql_reset or
 * wekaql_finalize of the statement); copy it to keep it. Handles are freed only by wekaql_close and
 * wekaql_finalize. A statement holds its own copy of the engine's data as it was when prepared, so it
 * may outlive later loads; finalize every statement before or after closing its engine, in any order.
 *
 * Threads: an engine, and each statement, may be used by one thread at a time; different engines and
 * different statements may be used on different threads at once. wekaql_cancel is the exception: it may
 * be called from any thread while another runs wekaql_step on the same statement. A statement being
 * stepped through evaluates its query on a thread of its own, which the library starts and ends; the
 * calling thread waits in wekaql_step for the rows.
 *
 * Streaming: a query whose result is the rows its `where` and projections keep (`cases where n > 5
 * select id, n`) is evaluated a chunk of rows at a time, at most two chunks ahead of the steps, so its
 * result is never held whole: memory grows with a chunk, not with the result. Any other query (a sort,
 * a `count by`, a join) is evaluated whole on the first step. wekaql_finalize or wekaql_reset in the
 * middle stops the evaluation and frees what it held.
 *
 * Errors: a call that fails returns WEKAQL_ERROR (or NULL); wekaql_errors_json (of the engine, for
 * loading and preparing) and wekaql_stmt_errors_json (of a statement, for binding and stepping) then give
 * the diagnostics as a JSON array of objects with the fields of `wekaql --error-format json`: code,
 * severity, message, file, line, column, end_line, end_column, start_offset, end_offset, hints.
 * Warnings of a successful load are there too. Strings in and out are UTF-8.
 */
#ifndef WEKAQL_H
#define WEKAQL_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Result codes. */
#define WEKAQL_OK     0    /* the call succeeded */
#define WEKAQL_ERROR  1    /* the call failed: see the errors JSON */
#define WEKAQL_MISUSE 21   /* a NULL handle, a column out of range, a step before prepare */
#define WEKAQL_ROW    100  /* wekaql_step has a row ready */
#define WEKAQL_DONE   101  /* wekaql_step has no more rows */

/* The types of values (wekaql_column_type). */
#define WEKAQL_NULL    0
#define WEKAQL_BOOLEAN 1
#define WEKAQL_INTEGER 2
#define WEKAQL_DECIMAL 3
#define WEKAQL_TEXT    4
#define WEKAQL_DATE    5
#define WEKAQL_LIST    6   /* its text is a JSON array, as in CSV output */
#define WEKAQL_FLOAT   7   /* binary floating point; WEKAQL_DECIMAL is exact, its text exact too */

typedef struct wekaql_engine wekaql_engine;
typedef struct wekaql_stmt wekaql_stmt;

/* The library's version, "MAJOR.MINOR.PATCH"; a static string. */
const char *wekaql_version(void);

/* An engine over the built-in Operation Weka II data (builtin != 0) or over no data (builtin == 0). */
wekaql_engine *wekaql_open(int builtin);
/* Frees the engine. NULL is allowed. */
void wekaql_close(wekaql_engine *engine);

/* Loads a .csv, .tsv, .txt, .json or .jsonl file, or a folder of them. `options` is NULL or the text
 * after the ':' of `wekaql --data PATH:OPTIONS` ("delim=;,header=false,name=cases"). */
int wekaql_load_path(wekaql_engine *engine, const char *path, const char *options);
/* Loads `length` bytes of `format` ("csv", "json" or "jsonl") as collection `name`. The bytes are read
 * during the call only. */
int wekaql_load_bytes(wekaql_engine *engine, const char *name, const char *format,
                      const void *bytes, size_t length, const char *options);
/* The diagnostics of the engine's last call, as a JSON array ("[]" when there were none). */
const char *wekaql_errors_json(wekaql_engine *engine);

/* Parses and checks one query; on success *statement is a new statement to step. */
int wekaql_prepare(wekaql_engine *engine, const char *query, wekaql_stmt **statement);

/* Binds $name for the next run. Binding after a step applies from the next wekaql_reset. */
int wekaql_bind_null(wekaql_stmt *statement, const char *name);
int wekaql_bind_bool(wekaql_stmt *statement, const char *name, int value);
int wekaql_bind_int64(wekaql_stmt *statement, const char *name, int64_t value);
int wekaql_bind_double(wekaql_stmt *statement, const char *name, double value);
int wekaql_bind_text(wekaql_stmt *statement, const char *name, const char *value);
/* Binds a date given as "YYYY-MM-DD". */
int wekaql_bind_date(wekaql_stmt *statement, const char *name, const char *iso_date);

/* Starts the query on the first call, then moves to the next row: WEKAQL_ROW, WEKAQL_DONE or WEKAQL_ERROR.
 * (Rows are evaluated as they are stepped through where the query streams; see Streaming above. An
 * error can come after some rows: a runtime error further down the data.) */
int wekaql_step(wekaql_stmt *statement);
/* Rewinds the statement, so that the next step runs the query again with the bindings as they are then;
 * an evaluation still going is stopped. */
int wekaql_reset(wekaql_stmt *statement);
/* Asks a running query to stop: the statement's wekaql_step (the one running, or the next) returns
 * WEKAQL_ERROR with error E0402 soon after, rows already evaluated but not stepped to included. Any thread. */
void wekaql_cancel(wekaql_stmt *statement);

/* The result's columns, known from prepare on. */
int wekaql_column_count(wekaql_stmt *statement);
const char *wekaql_column_name(wekaql_stmt *statement, int column);

/* The current row's values. wekaql_column_type gives the value's type (WEKAQL_NULL for a null);
 * wekaql_column_int64 reads an integer or boolean (0 otherwise), wekaql_column_double an integer,
 * decimal or float (0.0 otherwise), wekaql_column_text any value as wekaql prints it in CSV (NULL for a null). */
int wekaql_column_type(wekaql_stmt *statement, int column);
int64_t wekaql_column_int64(wekaql_stmt *statement, int column);
double wekaql_column_double(wekaql_stmt *statement, int column);
const char *wekaql_column_text(wekaql_stmt *statement, int column);

/* The diagnostics of the statement's last call, as a JSON array ("[]" when there were none). */
const char *wekaql_stmt_errors_json(wekaql_stmt *statement);
/* Frees the statement. NULL is allowed. */
void wekaql_finalize(wekaql_stmt *statement);

#ifdef __cplusplus
}
#endif

#endif /* WEKAQL_H */
