> arrests
  | where arrested is not null    # the release gives no figure for Lesotho
  | summarize people = sum(arrested),
              reports = count() by offence
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", 0 AS "o" FROM "arrests"),
  "s2" AS MATERIALIZED (SELECT * FROM "s1" WHERE ("c1" IS NOT NULL)),
  "s3" AS (SELECT *, "c4" AS "g0" FROM "s2"),
  "s4" AS MATERIALIZED (SELECT "g0" AS "c0", CAST(sum("c1") AS BIGINT) AS "c1", count(*) AS "c2", row_number() OVER (ORDER BY "g0" COLLATE "C" NULLS LAST) AS "o" FROM "s3" GROUP BY "g0")
SELECT "c0" AS "offence", "c1" AS "people", "c2" AS "reports" FROM "s4" ORDER BY "s4"."o";

> countries where continent in (
    "Europe",
    "South America"
  ) select country,
           continent
WITH "s1" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", row_number() OVER () AS "o" FROM "countries"),
  "s2" AS (SELECT * FROM "s1" WHERE ("c3" IN (CAST($1 AS TEXT), CAST($2 AS TEXT)))),
  "s3" AS (SELECT "c0" AS "c0", "c3" AS "c1", "o" FROM "s2")
SELECT "c0" AS "country", "c1" AS "continent" FROM "s3" ORDER BY "s3"."o";
-- 1: string Europe
-- 2: string South America

> figures where value >
  1000 select metric, value
WITH "s1" AS (SELECT "metric" AS "c0", "value" AS "c1", "approx" AS "c2", "qualifier" AS "c3", "source" AS "c4", row_number() OVER () AS "o" FROM "figures"),
  "s2" AS (SELECT * FROM "s1" WHERE ("c1" > CAST($1 AS BIGINT))),
  "s3" AS (SELECT "c0" AS "c0", "c1" AS "c1", "o" FROM "s2")
SELECT "c0" AS "metric", "c1" AS "value" FROM "s3" ORDER BY "s3"."o";
-- 1: integer 1000

> figures where metric = "countries" select value
WITH "s1" AS (SELECT "metric" AS "c0", "value" AS "c1", "approx" AS "c2", "qualifier" AS "c3", "source" AS "c4", row_number() OVER () AS "o" FROM "figures"),
  "s2" AS (SELECT * FROM "s1" WHERE ("c0" = CAST($1 AS TEXT))),
  "s3" AS (SELECT "c1" AS "c0", "o" FROM "s2")
SELECT "c0" AS "value" FROM "s3" ORDER BY "s3"."o";
-- 1: string countries
