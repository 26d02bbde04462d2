/* The C API's test: every function of wekaql.h, against the built-in data and a CSV from memory.
 * Built and run by Scripts/test-capi.sh; prints one line per check and `N passed, M failed`. */
#include <stdio.h>
#include <string.h>
#include <pthread.h>
#include <unistd.h>
#include "wekaql.h"

static int passed = 0, failed = 0;

static void check(int ok, const char *what) {
    if (ok) { passed++; } else { failed++; printf("FAIL: %s\n", what); }
}

static int contains(const char *text, const char *part) { return text && strstr(text, part) != NULL; }

static void test_builtin(void) {
    wekaql_engine *db = wekaql_open(1);
    wekaql_stmt *q = NULL;
    check(wekaql_prepare(db, "countries count", &q) == WEKAQL_OK, "prepare countries count");
    check(wekaql_column_count(q) == 1, "one column");
    check(strcmp(wekaql_column_name(q, 0), "count") == 0, "column named count");
    check(wekaql_step(q) == WEKAQL_ROW, "a row");
    check(wekaql_column_type(q, 0) == WEKAQL_INTEGER, "count is an integer");
    check(wekaql_column_int64(q, 0) == 44, "44 countries");
    check(strcmp(wekaql_column_text(q, 0), "44") == 0, "44 as text");
    check(wekaql_step(q) == WEKAQL_DONE, "then done");
    wekaql_finalize(q);

    check(wekaql_prepare(db, "countries where country = $c select country", &q) == WEKAQL_OK, "prepare with a parameter");
    check(wekaql_bind_text(q, "c", "Togo") == WEKAQL_OK, "bind text");
    check(wekaql_step(q) == WEKAQL_ROW && strcmp(wekaql_column_text(q, 0), "Togo") == 0, "Togo found");
    check(wekaql_step(q) == WEKAQL_DONE, "one Togo");
    check(wekaql_reset(q) == WEKAQL_OK, "reset");
    wekaql_bind_text(q, "c", "Atlantis");
    check(wekaql_step(q) == WEKAQL_DONE, "no Atlantis after reset");
    wekaql_finalize(q);

    q = (wekaql_stmt *)1;
    check(wekaql_prepare(db, "arrests where countr = 1", &q) == WEKAQL_ERROR, "a misspelt field fails");
    check(q == NULL, "no statement on failure");
    const char *json = wekaql_errors_json(db);
    check(contains(json, "\"code\":\"E0201\"") && contains(json, "\"line\":1") && contains(json, "country"),
          "errors JSON names the code, the line and the suggestion");
    check(wekaql_prepare(db, "1 +", &q) == WEKAQL_ERROR, "a syntax error fails");
    wekaql_close(db);
}

static void test_bytes(void) {
    wekaql_engine *db = wekaql_open(0);
    const char *csv = "zip;amount;opened\n007;12.5;2022-06-14\n01234;0.25;\n";
    check(wekaql_load_bytes(db, "cases", "csv", csv, strlen(csv), NULL) == WEKAQL_OK, "load CSV bytes");
    wekaql_stmt *q = NULL;
    check(wekaql_prepare(db, "cases select zip, amount, opened", &q) == WEKAQL_OK, "prepare over cases");
    check(wekaql_step(q) == WEKAQL_ROW, "first row");
    check(wekaql_column_type(q, 0) == WEKAQL_TEXT && strcmp(wekaql_column_text(q, 0), "007") == 0, "007 stays 007");
    check(wekaql_column_type(q, 1) == WEKAQL_DECIMAL && wekaql_column_double(q, 1) == 12.5,
          "a decimal");
    check(wekaql_column_type(q, 2) == WEKAQL_DATE && strcmp(wekaql_column_text(q, 2), "2022-06-14") == 0, "a date");
    check(wekaql_step(q) == WEKAQL_ROW, "second row");
    check(wekaql_column_type(q, 2) == WEKAQL_NULL && wekaql_column_text(q, 2) == NULL, "a null date");
    check(wekaql_column_type(q, 9) == WEKAQL_NULL && wekaql_column_text(q, 9) == NULL, "a column out of range");
    wekaql_finalize(q);

    const char *bad = "a,b\n1,2,3\n";
    check(wekaql_load_bytes(db, "bad", "csv", bad, strlen(bad), NULL) == WEKAQL_ERROR, "a long row fails");
    check(contains(wekaql_errors_json(db), "<bad>"), "the error names the data");
    check(wekaql_load_bytes(db, "x", "xml", "", 0, NULL) == WEKAQL_ERROR, "an unknown format fails");
    check(wekaql_load_bytes(db, "y", "csv", "a\n1\n", 4, "delim=") == WEKAQL_ERROR, "a bad option fails");
    check(wekaql_load_path(db, "/nonexistent/file.csv", NULL) == WEKAQL_ERROR, "a missing file fails");
    wekaql_close(db);
}

static void *cancel_soon(void *statement) {
    usleep(50 * 1000);
    wekaql_cancel((wekaql_stmt *)statement);
    return NULL;
}

static void test_cancel(void) {
    wekaql_engine *db = wekaql_open(0);
    /* 3,000 rows joined to themselves on one key: 9 million rows, long enough to be cancelled. */
    static char csv[40000];
    size_t n = (size_t)sprintf(csv, "k,v\n");
    for (int i = 0; i < 3000; i++) n += (size_t)sprintf(csv + n, "1,%d\n", i);
    wekaql_load_bytes(db, "t", "csv", csv, n, NULL);
    wekaql_stmt *q = NULL;
    check(wekaql_prepare(db, "t join t on k sort by v desc", &q) == WEKAQL_OK, "prepare a long query");
    pthread_t thread;
    pthread_create(&thread, NULL, cancel_soon, q);
    int status = wekaql_step(q);
    pthread_join(thread, NULL);
    check(status == WEKAQL_ERROR && contains(wekaql_stmt_errors_json(q), "E0402"), "cancel stops the step with E0402");
    wekaql_finalize(q);
    wekaql_close(db);
}

int main(void) {
    check(strcmp(wekaql_version(), "") != 0, "a version");
    check(wekaql_step(NULL) == WEKAQL_MISUSE, "NULL statement is misuse");
    wekaql_finalize(NULL);
    wekaql_close(NULL);
    test_builtin();
    test_bytes();
    test_cancel();
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
