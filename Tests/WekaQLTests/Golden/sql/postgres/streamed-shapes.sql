> arrests summarize total = sum(arrested / 7), mean = avg(arrested / 3) by offence
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", 0 AS "o" FROM "arrests"),
  "s2" AS (SELECT *, "c4" AS "g0" FROM "s1"),
  "s3" AS MATERIALIZED (SELECT "g0" AS "c0", sum((CAST("c1" AS DOUBLE PRECISION) / CAST(CAST($1 AS BIGINT) AS DOUBLE PRECISION))) AS "c1", (sum((CAST("c1" AS DOUBLE PRECISION) / CAST(CAST($2 AS BIGINT) AS DOUBLE PRECISION))) / CAST(count((CAST("c1" AS DOUBLE PRECISION) / CAST(CAST($2 AS BIGINT) AS DOUBLE PRECISION))) AS DOUBLE PRECISION)) AS "c2", row_number() OVER (ORDER BY "g0" COLLATE "C" NULLS LAST) AS "o" FROM "s2" GROUP BY "g0")
SELECT "c0" AS "offence", "c1" AS "total", "c2" AS "mean" FROM "s3" ORDER BY "s3"."o";
-- 1: integer 7
-- 2: integer 3

> arrests union victims summarize share = sum(arrested / 3), n = count() by collection
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", 0 AS "o" FROM "arrests"),
  "s2" AS (SELECT "country" AS "c0", "victims" AS "c1", "status" AS "c2", "nationality" AS "c3", "origin" AS "c4", "destination" AS "c5", "lure" AS "c6", "exploitation" AS "c7", "source" AS "c8", 0 AS "o" FROM "victims"),
  "s3" AS MATERIALIZED (SELECT "c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", "c11", "c12", "c13", "c14", "c15", "c16", "c17", row_number() OVER (ORDER BY "p", "o") AS "o" FROM (SELECT CAST(CAST($1 AS TEXT) AS TEXT) AS "c0", CAST("c0" AS TEXT) AS "c1", CAST("c1" AS BIGINT) AS "c2", CAST("c2" AS TEXT) AS "c3", CAST("c3" AS TEXT) AS "c4", CAST("c4" AS TEXT) AS "c5", CAST("c5" AS TEXT) AS "c6", CAST("c6" AS TEXT) AS "c7", CAST("c7" AS TEXT) AS "c8", CAST("c8" AS TEXT) AS "c9", CAST("c9" AS TEXT) AS "c10", CAST("c10" AS TEXT) AS "c11", CAST(NULL AS BIGINT) AS "c12", CAST(NULL AS TEXT) AS "c13", CAST(NULL AS TEXT) AS "c14", CAST(NULL AS TEXT) AS "c15", CAST(NULL AS TEXT) AS "c16", CAST(NULL AS TEXT) AS "c17", 0 AS "p", "o" FROM "s1" UNION ALL SELECT CAST(CAST($2 AS TEXT) AS TEXT) AS "c0", CAST("c0" AS TEXT) AS "c1", CAST(NULL AS BIGINT) AS "c2", CAST(NULL AS TEXT) AS "c3", CAST("c3" AS TEXT) AS "c4", CAST(NULL AS TEXT) AS "c5", CAST(NULL AS TEXT) AS "c6", CAST(NULL AS TEXT) AS "c7", CAST(NULL AS TEXT) AS "c8", CAST(NULL AS TEXT) AS "c9", CAST(NULL AS TEXT) AS "c10", CAST("c8" AS TEXT) AS "c11", CAST("c1" AS BIGINT) AS "c12", CAST("c2" AS TEXT) AS "c13", CAST("c4" AS TEXT) AS "c14", CAST("c5" AS TEXT) AS "c15", CAST("c6" AS TEXT) AS "c16", CAST("c7" AS TEXT) AS "c17", 1 AS "p", "o" FROM "s2") AS "u"),
  "s4" AS (SELECT *, "c0" AS "g0" FROM "s3"),
  "s5" AS MATERIALIZED (SELECT "g0" AS "c0", sum((CAST("c2" AS DOUBLE PRECISION) / CAST(CAST($3 AS BIGINT) AS DOUBLE PRECISION))) AS "c1", count(*) AS "c2", row_number() OVER (ORDER BY "g0" COLLATE "C" NULLS LAST) AS "o" FROM "s4" GROUP BY "g0")
SELECT "c0" AS "collection", "c1" AS "share", "c2" AS "n" FROM "s5" ORDER BY "s5"."o";
-- 1: string arrests
-- 2: string victims
-- 3: integer 3

> arrests union arrests where country = "Togo" select collection, country, offence, arrested
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", row_number() OVER () AS "o" FROM "arrests"),
  "s2" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", row_number() OVER () AS "o" FROM "arrests"),
  "s3" AS (SELECT "c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", "c11", row_number() OVER (ORDER BY "p", "o") AS "o" FROM (SELECT CAST(CAST($1 AS TEXT) AS TEXT) AS "c0", CAST("c0" AS TEXT) AS "c1", CAST("c1" AS BIGINT) AS "c2", CAST("c2" AS TEXT) AS "c3", CAST("c3" AS TEXT) AS "c4", CAST("c4" AS TEXT) AS "c5", CAST("c5" AS TEXT) AS "c6", CAST("c6" AS TEXT) AS "c7", CAST("c7" AS TEXT) AS "c8", CAST("c8" AS TEXT) AS "c9", CAST("c9" AS TEXT) AS "c10", CAST("c10" AS TEXT) AS "c11", 0 AS "p", "o" FROM "s1" UNION ALL SELECT CAST(CAST($2 AS TEXT) AS TEXT) AS "c0", CAST("c0" AS TEXT) AS "c1", CAST("c1" AS BIGINT) AS "c2", CAST("c2" AS TEXT) AS "c3", CAST("c3" AS TEXT) AS "c4", CAST("c4" AS TEXT) AS "c5", CAST("c5" AS TEXT) AS "c6", CAST("c6" AS TEXT) AS "c7", CAST("c7" AS TEXT) AS "c8", CAST("c8" AS TEXT) AS "c9", CAST("c9" AS TEXT) AS "c10", CAST("c10" AS TEXT) AS "c11", 1 AS "p", "o" FROM "s2") AS "u"),
  "s4" AS (SELECT * FROM "s3" WHERE ("c1" = CAST($3 AS TEXT))),
  "s5" AS (SELECT "c0" AS "c0", "c1" AS "c1", "c5" AS "c2", "c2" AS "c3", "o" FROM "s4")
SELECT "c0" AS "collection", "c1" AS "country", "c2" AS "offence", "c3" AS "arrested" FROM "s5" ORDER BY "s5"."o";
-- 1: string arrests
-- 2: string arrests
-- 3: string Togo

> arrests select country, arrested union (victims select country, arrested = victims) top 3 by arrested desc, country
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", row_number() OVER () AS "o" FROM "arrests"),
  "s2" AS (SELECT "c0" AS "c0", "c1" AS "c1", "o" FROM "s1"),
  "s3" AS (SELECT "country" AS "c0", "victims" AS "c1", "status" AS "c2", "nationality" AS "c3", "origin" AS "c4", "destination" AS "c5", "lure" AS "c6", "exploitation" AS "c7", "source" AS "c8", row_number() OVER () AS "o" FROM "victims"),
  "s4" AS (SELECT "c0" AS "c0", "c1" AS "c1", "o" FROM "s3"),
  "s5" AS (SELECT "c0", "c1", "c2", row_number() OVER (ORDER BY "p", "o") AS "o" FROM (SELECT CAST(CAST($1 AS TEXT) AS TEXT) AS "c0", CAST("c0" AS TEXT) AS "c1", CAST("c1" AS BIGINT) AS "c2", 0 AS "p", "o" FROM "s2" UNION ALL SELECT CAST(CAST($2 AS TEXT) AS TEXT) AS "c0", CAST("c0" AS TEXT) AS "c1", CAST("c1" AS BIGINT) AS "c2", 1 AS "p", "o" FROM "s4") AS "u"),
  "s6" AS (SELECT "c0", "c1", "c2", "o", "c2" AS "k0", "c1" AS "k1" FROM "s5"),
  "s7" AS (SELECT * FROM "s6" ORDER BY "s6"."k0" DESC NULLS LAST, "s6"."k1" COLLATE "C" NULLS LAST, "s6"."o" LIMIT CAST($3 AS BIGINT))
SELECT "c0" AS "collection", "c1" AS "country", "c2" AS "arrested" FROM "s7" ORDER BY "s7"."k0" DESC NULLS LAST, "s7"."k1" COLLATE "C" NULLS LAST, "s7"."o";
-- 1: string arrests
-- 2: string victims
-- 3: integer 3

> arrests union distinct arrests count
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", 0 AS "o" FROM "arrests"),
  "s2" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", 0 AS "o" FROM "arrests"),
  "s3" AS (SELECT "c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", row_number() OVER (ORDER BY "p", "o") AS "o" FROM (SELECT CAST("c0" AS TEXT) AS "c0", CAST("c1" AS BIGINT) AS "c1", CAST("c2" AS TEXT) AS "c2", CAST("c3" AS TEXT) AS "c3", CAST("c4" AS TEXT) AS "c4", CAST("c5" AS TEXT) AS "c5", CAST("c6" AS TEXT) AS "c6", CAST("c7" AS TEXT) AS "c7", CAST("c8" AS TEXT) AS "c8", CAST("c9" AS TEXT) AS "c9", CAST("c10" AS TEXT) AS "c10", 0 AS "p", "o" FROM "s1" UNION ALL SELECT CAST("c0" AS TEXT) AS "c0", CAST("c1" AS BIGINT) AS "c1", CAST("c2" AS TEXT) AS "c2", CAST("c3" AS TEXT) AS "c3", CAST("c4" AS TEXT) AS "c4", CAST("c5" AS TEXT) AS "c5", CAST("c6" AS TEXT) AS "c6", CAST("c7" AS TEXT) AS "c7", CAST("c8" AS TEXT) AS "c8", CAST("c9" AS TEXT) AS "c9", CAST("c10" AS TEXT) AS "c10", 1 AS "p", "o" FROM "s2") AS "u"),
  "s4" AS (SELECT "c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", min("o") AS "o" FROM "s3" GROUP BY "c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10"),
  "s5" AS (SELECT count(*) AS "c0", 1 AS "o" FROM "s4")
SELECT "c0" AS "count" FROM "s5" ORDER BY "s5"."o";

> victims union arrests select collection, country, victims, arrested | limit 4 offset 2
WITH "s1" AS (SELECT "country" AS "c0", "victims" AS "c1", "status" AS "c2", "nationality" AS "c3", "origin" AS "c4", "destination" AS "c5", "lure" AS "c6", "exploitation" AS "c7", "source" AS "c8", row_number() OVER () AS "o" FROM "victims"),
  "s2" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", row_number() OVER () AS "o" FROM "arrests"),
  "s3" AS (SELECT "c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", "c11", "c12", "c13", "c14", "c15", "c16", "c17", row_number() OVER (ORDER BY "p", "o") AS "o" FROM (SELECT CAST(CAST($1 AS TEXT) AS TEXT) AS "c0", CAST("c0" AS TEXT) AS "c1", CAST("c1" AS BIGINT) AS "c2", CAST("c2" AS TEXT) AS "c3", CAST("c3" AS TEXT) AS "c4", CAST("c4" AS TEXT) AS "c5", CAST("c5" AS TEXT) AS "c6", CAST("c6" AS TEXT) AS "c7", CAST("c7" AS TEXT) AS "c8", CAST("c8" AS TEXT) AS "c9", CAST(NULL AS BIGINT) AS "c10", CAST(NULL AS TEXT) AS "c11", CAST(NULL AS TEXT) AS "c12", CAST(NULL AS TEXT) AS "c13", CAST(NULL AS TEXT) AS "c14", CAST(NULL AS TEXT) AS "c15", CAST(NULL AS TEXT) AS "c16", CAST(NULL AS TEXT) AS "c17", 0 AS "p", "o" FROM "s1" UNION ALL SELECT CAST(CAST($2 AS TEXT) AS TEXT) AS "c0", CAST("c0" AS TEXT) AS "c1", CAST(NULL AS BIGINT) AS "c2", CAST(NULL AS TEXT) AS "c3", CAST("c3" AS TEXT) AS "c4", CAST(NULL AS TEXT) AS "c5", CAST(NULL AS TEXT) AS "c6", CAST(NULL AS TEXT) AS "c7", CAST(NULL AS TEXT) AS "c8", CAST("c10" AS TEXT) AS "c9", CAST("c1" AS BIGINT) AS "c10", CAST("c2" AS TEXT) AS "c11", CAST("c4" AS TEXT) AS "c12", CAST("c5" AS TEXT) AS "c13", CAST("c6" AS TEXT) AS "c14", CAST("c7" AS TEXT) AS "c15", CAST("c8" AS TEXT) AS "c16", CAST("c9" AS TEXT) AS "c17", 1 AS "p", "o" FROM "s2") AS "u"),
  "s4" AS (SELECT "c0" AS "c0", "c1" AS "c1", "c2" AS "c2", "c10" AS "c3", "o" FROM "s3"),
  "s5" AS (SELECT * FROM "s4" ORDER BY "o" LIMIT CAST($3 AS BIGINT) OFFSET CAST($4 AS BIGINT))
SELECT "c0" AS "collection", "c1" AS "country", "c2" AS "victims", "c3" AS "arrested" FROM "s5" ORDER BY "s5"."o";
-- 1: string victims
-- 2: string arrests
-- 3: integer 4
-- 4: integer 2

> arrests union victims where country = "Tgo" count
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", 0 AS "o" FROM "arrests"),
  "s2" AS (SELECT "country" AS "c0", "victims" AS "c1", "status" AS "c2", "nationality" AS "c3", "origin" AS "c4", "destination" AS "c5", "lure" AS "c6", "exploitation" AS "c7", "source" AS "c8", 0 AS "o" FROM "victims"),
  "s3" AS (SELECT "c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", "c11", "c12", "c13", "c14", "c15", "c16", "c17", row_number() OVER (ORDER BY "p", "o") AS "o" FROM (SELECT CAST(CAST($1 AS TEXT) AS TEXT) AS "c0", CAST("c0" AS TEXT) AS "c1", CAST("c1" AS BIGINT) AS "c2", CAST("c2" AS TEXT) AS "c3", CAST("c3" AS TEXT) AS "c4", CAST("c4" AS TEXT) AS "c5", CAST("c5" AS TEXT) AS "c6", CAST("c6" AS TEXT) AS "c7", CAST("c7" AS TEXT) AS "c8", CAST("c8" AS TEXT) AS "c9", CAST("c9" AS TEXT) AS "c10", CAST("c10" AS TEXT) AS "c11", CAST(NULL AS BIGINT) AS "c12", CAST(NULL AS TEXT) AS "c13", CAST(NULL AS TEXT) AS "c14", CAST(NULL AS TEXT) AS "c15", CAST(NULL AS TEXT) AS "c16", CAST(NULL AS TEXT) AS "c17", 0 AS "p", "o" FROM "s1" UNION ALL SELECT CAST(CAST($2 AS TEXT) AS TEXT) AS "c0", CAST("c0" AS TEXT) AS "c1", CAST(NULL AS BIGINT) AS "c2", CAST(NULL AS TEXT) AS "c3", CAST("c3" AS TEXT) AS "c4", CAST(NULL AS TEXT) AS "c5", CAST(NULL AS TEXT) AS "c6", CAST(NULL AS TEXT) AS "c7", CAST(NULL AS TEXT) AS "c8", CAST(NULL AS TEXT) AS "c9", CAST(NULL AS TEXT) AS "c10", CAST("c8" AS TEXT) AS "c11", CAST("c1" AS BIGINT) AS "c12", CAST("c2" AS TEXT) AS "c13", CAST("c4" AS TEXT) AS "c14", CAST("c5" AS TEXT) AS "c15", CAST("c6" AS TEXT) AS "c16", CAST("c7" AS TEXT) AS "c17", 1 AS "p", "o" FROM "s2") AS "u"),
  "s4" AS (SELECT * FROM "s3" WHERE ("c1" = CAST($3 AS TEXT))),
  "s5" AS (SELECT count(*) AS "c0", 1 AS "o" FROM "s4")
SELECT "c0" AS "count" FROM "s5" ORDER BY "s5"."o";
-- 1: string arrests
-- 2: string victims
-- 3: string Tgo
