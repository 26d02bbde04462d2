/* The C API's test: every function of wekaql.h, against the built-in data and a CSV from memory.
 * Built and run by Scripts/test-capi.sh; prints one line per check and `N passed, M failed`. */
#include <stdio.h>
#include <stdlib.h>
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

/* A CSV file of `rows` rows `id,n,name` (n = id % 7, name = "r<id>") under /tmp; returns its path. */
static char *write_big_csv(int rows) {
    static char path[] = "/tmp/wekaql-capi-XXXXXX.csv";
    int fd = mkstemps(path, 4);
    FILE *file = fd < 0 ? NULL : fdopen(fd, "w");
    if (!file) return NULL;
    fprintf(file, "id,n,name\n");
    for (int i = 0; i < rows; i++) fprintf(file, "%d,%d,r%d\n", i, i % 7, i);
    fclose(file);
    return path;
}

/* A result of most of 200,000 rows, stepped through as it streams: every row, in order, right. */
static void test_stream(const char *path, int rows) {
    wekaql_engine *db = wekaql_open(0);
    check(wekaql_load_path(db, path, "name=big") == WEKAQL_OK, "load the generated CSV");
    wekaql_stmt *q = NULL;
    check(wekaql_prepare(db, "big where n != 3 select id, n, name", &q) == WEKAQL_OK, "prepare a streamed query");
    int count = 0, wrong = 0, expected = 0;
    char name[32];
    while (wekaql_step(q) == WEKAQL_ROW) {
        while (expected % 7 == 3) expected++;
        snprintf(name, sizeof name, "r%d", expected);
        if (wekaql_column_int64(q, 0) != expected || wekaql_column_int64(q, 1) != expected % 7 ||
            strcmp(wekaql_column_text(q, 2), name) != 0) wrong++;
        expected++;
        count++;
    }
    int kept = rows - (rows + 3) / 7;
    check(count == kept, "every streamed row stepped to");
    check(wrong == 0, "each streamed row's values right and in order");
    check(strcmp(wekaql_stmt_errors_json(q), "[]") == 0, "no error at the end");
    wekaql_finalize(q);

    /* Finalized after 10 rows: the rest is never made. */
    check(wekaql_prepare(db, "big select id", &q) == WEKAQL_OK, "prepare the whole file");
    int first = 1;
    for (int i = 0; i < 10; i++) first = first && wekaql_step(q) == WEKAQL_ROW && wekaql_column_int64(q, 0) == i;
    check(first, "the first 10 rows");
    wekaql_finalize(q);

    /* Reset after 5 rows starts again from the first; cancelled after 10, the next step fails. */
    check(wekaql_prepare(db, "big where n >= 0 select id", &q) == WEKAQL_OK, "prepare again");
    for (int i = 0; i < 5; i++) wekaql_step(q);
    check(wekaql_reset(q) == WEKAQL_OK && wekaql_step(q) == WEKAQL_ROW && wekaql_column_int64(q, 0) == 0,
          "reset mid-stream starts again");
    for (int i = 0; i < 9; i++) wekaql_step(q);
    wekaql_cancel(q);
    check(wekaql_step(q) == WEKAQL_ERROR && contains(wekaql_stmt_errors_json(q), "E0402"), "cancel mid-stream stops with E0402");
    check(wekaql_reset(q) == WEKAQL_OK && wekaql_step(q) == WEKAQL_ROW, "a reset statement runs after a cancel");
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
    int rows = 200000;
    char *path = write_big_csv(rows);
    check(path != NULL, "a CSV file written");
    if (path) {
        test_stream(path, rows);
        remove(path);
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
