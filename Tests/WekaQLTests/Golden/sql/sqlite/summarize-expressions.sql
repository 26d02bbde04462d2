> smuggling summarize child_share = round(sum(children) / sum(migrants), 3), spread = max(migrants) - min(migrants), reports = count()
WITH "s1" AS (SELECT "country" AS "c0", "migrants" AS "c1", "children" AS "c2", "suspects" AS "c3", "intercepted" AS "c4", "fee_usd" AS "c5", "destination" AS "c6", "details" AS "c7", "source" AS "c8", 0 AS "o" FROM "smuggling"),
  "s2" AS MATERIALIZED (SELECT sum("c2") AS "c0", sum("c1") AS "c1", max("c1") AS "c2", min("c1") AS "c3", count(*) AS "c4", 1 AS "o" FROM "s1"),
  "s3" AS MATERIALIZED (SELECT wekaql_round(wekaql_divide("c0", "c1", 122, 151), ?1, 116, 155) AS "c0", wekaql_subtract("c2", "c3", 166, 195) AS "c1", "c4" AS "c2", "o" FROM "s2")
SELECT "c0" AS "child_share", "c1" AS "spread", "c2" AS "reports" FROM "s3" ORDER BY "s3"."o";
-- 1: integer 3

> arrests summarize people = sum(arrested), per_report = round(sum(arrested) / count(arrested), 2) by offence
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", 0 AS "o" FROM "arrests"),
  "s2" AS (SELECT *, "c4" AS "g0" FROM "s1"),
  "s3" AS MATERIALIZED (SELECT "g0" AS "c0", sum("c1") AS "c1", sum("c1") AS "c2", count("c1") AS "c3", row_number() OVER (ORDER BY "g0" COLLATE BINARY NULLS LAST) AS "o" FROM "s2" GROUP BY "g0"),
  "s4" AS MATERIALIZED (SELECT "c0" AS "c0", "c1" AS "c1", wekaql_round(wekaql_divide("c2", "c3", 276, 307), ?1, 270, 311) AS "c2", "o" FROM "s3")
SELECT "c0" AS "offence", "c1" AS "people", "c2" AS "per_report" FROM "s4" ORDER BY "s4"."o";
-- 1: integer 2

> operations count by year(start_date)
WITH "s1" AS (SELECT "name" AS "c0", "year" AS "c1", "stated_year" AS "c2", "dates" AS "c3", "start_date" AS "c4", "end_date" AS "c5", "countries" AS "c6", "continents" AS "c7", "arrests" AS "c8", "arrests_qualifier" AS "c9", "victims_rescued" AS "c10", "victims_rescued_qualifier" AS "c11", "migrants_identified" AS "c12", "migrants_identified_qualifier" AS "c13", "nationalities" AS "c14", "coordinator" AS "c15", "source" AS "c16", 0 AS "o" FROM "operations"),
  "s2" AS (SELECT *, wekaql_year("c4", 343, 359) AS "g0" FROM "s1"),
  "s3" AS (SELECT "g0" AS "c0", count(*) AS "c1", row_number() OVER (ORDER BY "g0" NULLS LAST) AS "o" FROM "s2" GROUP BY "g0")
SELECT "c0" AS "year(start_date)", "c1" AS "count" FROM "s3" ORDER BY "s3"."o";

> operations summarize n = count() by decade = floor(year / 10) * 10
WITH "s1" AS (SELECT "name" AS "c0", "year" AS "c1", "stated_year" AS "c2", "dates" AS "c3", "start_date" AS "c4", "end_date" AS "c5", "countries" AS "c6", "continents" AS "c7", "arrests" AS "c8", "arrests_qualifier" AS "c9", "victims_rescued" AS "c10", "victims_rescued_qualifier" AS "c11", "migrants_identified" AS "c12", "migrants_identified_qualifier" AS "c13", "nationalities" AS "c14", "coordinator" AS "c15", "source" AS "c16", 0 AS "o" FROM "operations"),
  "s2" AS MATERIALIZED (SELECT *, wekaql_multiply(wekaql_floor(wekaql_divide("c1", ?1, 411, 420), 405, 421), ?2, 405, 426) AS "g0" FROM "s1"),
  "s3" AS MATERIALIZED (SELECT "g0" AS "c0", count(*) AS "c1", row_number() OVER (ORDER BY "g0" NULLS LAST) AS "o" FROM "s2" GROUP BY "g0")
SELECT "c0" AS "decade", "c1" AS "n" FROM "s3" ORDER BY "s3"."o";
-- 1: integer 10
-- 2: integer 10

> figures summarize n = count(), total = sum(value) by kind = if(approx, "approximate", "exact")
WITH "s1" AS (SELECT "metric" AS "c0", "value" AS "c1", "approx" AS "c2", "qualifier" AS "c3", "source" AS "c4", 0 AS "o" FROM "figures"),
  "s2" AS MATERIALIZED (SELECT *, CASE WHEN "c2" THEN ?1 ELSE ?2 END AS "g0" FROM "s1"),
  "s3" AS MATERIALIZED (SELECT "g0" AS "c0", count(*) AS "c1", sum("c1") AS "c2", row_number() OVER (ORDER BY "g0" COLLATE BINARY NULLS LAST) AS "o" FROM "s2" GROUP BY "g0")
SELECT "c0" AS "kind", "c1" AS "n", "c2" AS "total" FROM "s3" ORDER BY "s3"."o";
-- 1: string approximate
-- 2: string exact
