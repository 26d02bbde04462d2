> arrests count by country | extend share = round(count / sum(count) over (), 3) | top 5 by count desc, country
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", 0 AS "o" FROM "arrests"),
  "s2" AS (SELECT *, "c0" AS "g0" FROM "s1"),
  "s3" AS MATERIALIZED (SELECT "g0" AS "c0", count(*) AS "c1", row_number() OVER (ORDER BY "g0" COLLATE "C" NULLS LAST) AS "o" FROM "s2" GROUP BY "g0"),
  "s4" AS MATERIALIZED (SELECT "c0", "c1", CAST(sum("c1") OVER () AS BIGINT) AS "c2", "o" FROM "s3"),
  "s5" AS MATERIALIZED (SELECT "c0" AS "c0", "c1" AS "c1", CAST(round(CAST((CAST("c1" AS DOUBLE PRECISION) / CAST("c2" AS DOUBLE PRECISION)) AS NUMERIC), CAST(CAST($1 AS BIGINT) AS INTEGER)) AS DOUBLE PRECISION) AS "c2", "o" FROM "s4"),
  "s6" AS (SELECT "c0", "c1", "c2", "o", "c1" AS "k0", "c0" AS "k1" FROM "s5"),
  "s7" AS MATERIALIZED (SELECT * FROM "s6" ORDER BY "s6"."k0" DESC NULLS LAST, "s6"."k1" COLLATE "C" NULLS LAST, "s6"."o" LIMIT CAST($2 AS BIGINT))
SELECT "c0" AS "country", "c1" AS "count", "c2" AS "share" FROM "s7" ORDER BY "s7"."k0" DESC NULLS LAST, "s7"."k1" COLLATE "C" NULLS LAST, "s7"."o";
-- 1: integer 3
-- 2: integer 5

> arrests join countries on country | count by continent, country | extend r = rank() over (by continent sort by count desc), d = dense_rank() over (by continent sort by count desc) | where r <= 2 | sort by continent, r
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", 0 AS "o" FROM "arrests"),
  "s2" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", 0 AS "o" FROM "countries"),
  "s3" AS (SELECT "l"."c0" AS "c0", "l"."c1" AS "c1", "l"."c2" AS "c2", "l"."c3" AS "c3", "l"."c4" AS "c4", "l"."c5" AS "c5", "l"."c6" AS "c6", "l"."c7" AS "c7", "l"."c8" AS "c8", "l"."c9" AS "c9", "l"."c10" AS "c10", "r"."c1" AS "c11", "r"."c2" AS "c12", "r"."c3" AS "c13", "r"."c4" AS "c14", row_number() OVER (ORDER BY "l"."o", "r"."o") AS "o" FROM "s1" AS "l" JOIN "s2" AS "r" ON "l"."c0" = "r"."c0"),
  "s4" AS (SELECT *, "c13" AS "g0", "c0" AS "g1" FROM "s3"),
  "s5" AS (SELECT "g0" AS "c0", "g1" AS "c1", count(*) AS "c2", row_number() OVER (ORDER BY "g0" COLLATE "C" NULLS LAST, "g1" COLLATE "C" NULLS LAST) AS "o" FROM "s4" GROUP BY "g0", "g1"),
  "s6" AS (SELECT "c0", "c1", "c2", CAST(rank() OVER (PARTITION BY "c0" ORDER BY "c2" DESC NULLS LAST) AS BIGINT) AS "c3", CAST(dense_rank() OVER (PARTITION BY "c0" ORDER BY "c2" DESC NULLS LAST) AS BIGINT) AS "c4", "o" FROM "s5"),
  "s7" AS (SELECT "c0" AS "c0", "c1" AS "c1", "c2" AS "c2", "c3" AS "c3", "c4" AS "c4", "o" FROM "s6"),
  "s8" AS (SELECT * FROM "s7" WHERE ("c3" <= CAST($1 AS BIGINT))),
  "s9" AS (SELECT "c0", "c1", "c2", "c3", "c4", "o", "c0" AS "k0", "c3" AS "k1" FROM "s8")
SELECT "c0" AS "continent", "c1" AS "country", "c2" AS "count", "c3" AS "r", "c4" AS "d" FROM "s9" ORDER BY "s9"."k0" COLLATE "C" NULLS LAST, "s9"."k1" NULLS LAST, "s9"."o";
-- 1: integer 2

> arrests select country, arrested, running = sum(arrested) over (sort by country), n = row_number() over (sort by country), total = sum(arrested) over (by country) | limit 8
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", row_number() OVER () AS "o" FROM "arrests"),
  "s2" AS MATERIALIZED (SELECT "c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", CAST(sum("c1") OVER (ORDER BY "c0" COLLATE "C" NULLS LAST) AS BIGINT) AS "c11", CAST(row_number() OVER (ORDER BY "c0" COLLATE "C" NULLS LAST, "o") AS BIGINT) AS "c12", CAST(sum("c1") OVER (PARTITION BY "c0") AS BIGINT) AS "c13", "o" FROM "s1"),
  "s3" AS (SELECT "c0" AS "c0", "c1" AS "c1", "c11" AS "c2", "c12" AS "c3", "c13" AS "c4", "o" FROM "s2"),
  "s4" AS MATERIALIZED (SELECT * FROM "s3" ORDER BY "o" LIMIT CAST($1 AS BIGINT))
SELECT "c0" AS "country", "c1" AS "arrested", "c2" AS "running", "c3" AS "n", "c4" AS "total" FROM "s4" ORDER BY "s4"."o";
-- 1: integer 8

> smuggling select country, migrants, before = lag(migrants) over (sort by migrants desc), after = lead(migrants, 2) over (sort by migrants desc), m = median(migrants) over () | sort by migrants desc | limit 6
windows.wql:5:150: error[E1000]: no SQL yet for median() over (…) in postgres
…g(migrants) over (sort by migrants desc), after = lead(migrants, 2) over (sort by migrants desc), m = median(migrants) over () | sort by migrants desc | limit 6
                                                                                                       ^~~~~~~~~~~~~~~~~~~~~~~~
help: postgres has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> arrests count by offence | extend running_share = round(sum(count) over (sort by count desc) / sum(count) over (), 2), ids = string_agg(offence, "; ") over (sort by count desc)
windows.wql:6:126: error[E1000]: no SQL yet for string_agg() over (…) in postgres
… offence | extend running_share = round(sum(count) over (sort by count desc) / sum(count) over (), 2), ids = string_agg(offence, "; ") over (sort by count desc)
                                                                                                              ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
help: postgres has no form of it with wekaql's meaning; run the query in memory, or in another dialect
