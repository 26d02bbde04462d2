> smuggling summarize child_share = round(sum(children) / sum(migrants), 3), spread = max(migrants) - min(migrants), reports = count()
WITH "s1" AS (SELECT "country" AS "c0", "migrants" AS "c1", "children" AS "c2", "suspects" AS "c3", "intercepted" AS "c4", "fee_usd" AS "c5", "destination" AS "c6", "details" AS "c7", "source" AS "c8", 0 AS "o" FROM "smuggling"),
  "s2" AS MATERIALIZED (SELECT CAST(sum("c2") AS BIGINT) AS "c0", CAST(sum("c1") AS BIGINT) AS "c1", max("c1") AS "c2", min("c1") AS "c3", count(*) AS "c4", 1 AS "o" FROM "s1"),
  "s3" AS MATERIALIZED (SELECT (CASE WHEN abs((CASE WHEN "c0" IS NULL OR "c1" IS NULL THEN NULL WHEN "c1" = 0 THEN error('division by zero') ELSE (CASE WHEN isinf((CAST("c0" AS DOUBLE) / CAST("c1" AS DOUBLE))) THEN error('decimal out of range') ELSE (CAST("c0" AS DOUBLE) / CAST("c1" AS DOUBLE)) END) END)) >= 1e19 AND CAST($1 AS BIGINT) >= 0 THEN (CASE WHEN "c0" IS NULL OR "c1" IS NULL THEN NULL WHEN "c1" = 0 THEN error('division by zero') ELSE (CASE WHEN isinf((CAST("c0" AS DOUBLE) / CAST("c1" AS DOUBLE))) THEN error('decimal out of range') ELSE (CAST("c0" AS DOUBLE) / CAST("c1" AS DOUBLE)) END) END) WHEN abs((CASE WHEN "c0" IS NULL OR "c1" IS NULL THEN NULL WHEN "c1" = 0 THEN error('division by zero') ELSE (CASE WHEN isinf((CAST("c0" AS DOUBLE) / CAST("c1" AS DOUBLE))) THEN error('decimal out of range') ELSE (CAST("c0" AS DOUBLE) / CAST("c1" AS DOUBLE)) END) END)) >= 1e19 THEN error('no SQL for round of a decimal past 1e19 to tens or more') ELSE CAST(round(CAST(CAST((CASE WHEN "c0" IS NULL OR "c1" IS NULL THEN NULL WHEN "c1" = 0 THEN error('division by zero') ELSE (CASE WHEN isinf((CAST("c0" AS DOUBLE) / CAST("c1" AS DOUBLE))) THEN error('decimal out of range') ELSE (CAST("c0" AS DOUBLE) / CAST("c1" AS DOUBLE)) END) END) AS VARCHAR) AS DECIMAL(38, 18)), CAST(CAST($1 AS BIGINT) AS INTEGER)) AS DOUBLE) END) AS "c0", ("c2" - "c3") AS "c1", "c4" AS "c2", "o" FROM "s2")
SELECT "c0" AS "child_share", "c1" AS "spread", "c2" AS "reports" FROM "s3" ORDER BY "s3"."o";
-- 1: integer 3

> arrests summarize people = sum(arrested), per_report = round(sum(arrested) / count(arrested), 2) by offence
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", 0 AS "o" FROM "arrests"),
  "s2" AS (SELECT *, "c4" AS "g0" FROM "s1"),
  "s3" AS MATERIALIZED (SELECT "g0" AS "c0", CAST(sum("c1") AS BIGINT) AS "c1", CAST(sum("c1") AS BIGINT) AS "c2", count("c1") AS "c3", row_number() OVER (ORDER BY "g0" NULLS LAST) AS "o" FROM "s2" GROUP BY "g0"),
  "s4" AS MATERIALIZED (SELECT "c0" AS "c0", "c1" AS "c1", (CASE WHEN abs((CASE WHEN "c2" IS NULL OR "c3" IS NULL THEN NULL WHEN "c3" = 0 THEN error('division by zero') ELSE (CASE WHEN isinf((CAST("c2" AS DOUBLE) / CAST("c3" AS DOUBLE))) THEN error('decimal out of range') ELSE (CAST("c2" AS DOUBLE) / CAST("c3" AS DOUBLE)) END) END)) >= 1e19 AND CAST($1 AS BIGINT) >= 0 THEN (CASE WHEN "c2" IS NULL OR "c3" IS NULL THEN NULL WHEN "c3" = 0 THEN error('division by zero') ELSE (CASE WHEN isinf((CAST("c2" AS DOUBLE) / CAST("c3" AS DOUBLE))) THEN error('decimal out of range') ELSE (CAST("c2" AS DOUBLE) / CAST("c3" AS DOUBLE)) END) END) WHEN abs((CASE WHEN "c2" IS NULL OR "c3" IS NULL THEN NULL WHEN "c3" = 0 THEN error('division by zero') ELSE (CASE WHEN isinf((CAST("c2" AS DOUBLE) / CAST("c3" AS DOUBLE))) THEN error('decimal out of range') ELSE (CAST("c2" AS DOUBLE) / CAST("c3" AS DOUBLE)) END) END)) >= 1e19 THEN error('no SQL for round of a decimal past 1e19 to tens or more') ELSE CAST(round(CAST(CAST((CASE WHEN "c2" IS NULL OR "c3" IS NULL THEN NULL WHEN "c3" = 0 THEN error('division by zero') ELSE (CASE WHEN isinf((CAST("c2" AS DOUBLE) / CAST("c3" AS DOUBLE))) THEN error('decimal out of range') ELSE (CAST("c2" AS DOUBLE) / CAST("c3" AS DOUBLE)) END) END) AS VARCHAR) AS DECIMAL(38, 18)), CAST(CAST($1 AS BIGINT) AS INTEGER)) AS DOUBLE) END) AS "c2", "o" FROM "s3")
SELECT "c0" AS "offence", "c1" AS "people", "c2" AS "per_report" FROM "s4" ORDER BY "s4"."o";
-- 1: integer 2

> operations count by year(start_date)
WITH "s1" AS (SELECT "name" AS "c0", "year" AS "c1", "stated_year" AS "c2", "dates" AS "c3", "start_date" AS "c4", "end_date" AS "c5", "countries" AS "c6", "continents" AS "c7", "arrests" AS "c8", "arrests_qualifier" AS "c9", "victims_rescued" AS "c10", "victims_rescued_qualifier" AS "c11", "migrants_identified" AS "c12", "migrants_identified_qualifier" AS "c13", "nationalities" AS "c14", "coordinator" AS "c15", "source" AS "c16", 0 AS "o" FROM "operations"),
  "s2" AS (SELECT *, CAST(year("c4") AS BIGINT) AS "g0" FROM "s1"),
  "s3" AS (SELECT "g0" AS "c0", count(*) AS "c1", row_number() OVER (ORDER BY "g0" NULLS LAST) AS "o" FROM "s2" GROUP BY "g0")
SELECT "c0" AS "year(start_date)", "c1" AS "count" FROM "s3" ORDER BY "s3"."o";

> operations summarize n = count() by decade = floor(year / 10) * 10
WITH "s1" AS (SELECT "name" AS "c0", "year" AS "c1", "stated_year" AS "c2", "dates" AS "c3", "start_date" AS "c4", "end_date" AS "c5", "countries" AS "c6", "continents" AS "c7", "arrests" AS "c8", "arrests_qualifier" AS "c9", "victims_rescued" AS "c10", "victims_rescued_qualifier" AS "c11", "migrants_identified" AS "c12", "migrants_identified_qualifier" AS "c13", "nationalities" AS "c14", "coordinator" AS "c15", "source" AS "c16", 0 AS "o" FROM "operations"),
  "s2" AS MATERIALIZED (SELECT *, (CAST(floor((CASE WHEN "c1" IS NULL OR CAST($1 AS BIGINT) IS NULL THEN NULL WHEN CAST($1 AS BIGINT) = 0 THEN error('division by zero') ELSE (CASE WHEN isinf((CAST("c1" AS DOUBLE) / CAST(CAST($1 AS BIGINT) AS DOUBLE))) THEN error('decimal out of range') ELSE (CAST("c1" AS DOUBLE) / CAST(CAST($1 AS BIGINT) AS DOUBLE)) END) END)) AS BIGINT) * CAST($2 AS BIGINT)) AS "g0" FROM "s1"),
  "s3" AS MATERIALIZED (SELECT "g0" AS "c0", count(*) AS "c1", row_number() OVER (ORDER BY "g0" NULLS LAST) AS "o" FROM "s2" GROUP BY "g0")
SELECT "c0" AS "decade", "c1" AS "n" FROM "s3" ORDER BY "s3"."o";
-- 1: integer 10
-- 2: integer 10

> figures summarize n = count(), total = sum(value) by kind = if(approx, "approximate", "exact")
WITH "s1" AS (SELECT "metric" AS "c0", "value" AS "c1", "approx" AS "c2", "qualifier" AS "c3", "source" AS "c4", 0 AS "o" FROM "figures"),
  "s2" AS MATERIALIZED (SELECT *, CASE WHEN "c2" THEN CAST($1 AS VARCHAR) ELSE CAST($2 AS VARCHAR) END AS "g0" FROM "s1"),
  "s3" AS MATERIALIZED (SELECT "g0" AS "c0", count(*) AS "c1", CAST(sum("c1") AS BIGINT) AS "c2", row_number() OVER (ORDER BY "g0" NULLS LAST) AS "o" FROM "s2" GROUP BY "g0")
SELECT "c0" AS "kind", "c1" AS "n", "c2" AS "total" FROM "s3" ORDER BY "s3"."o";
-- 1: string approximate
-- 2: string exact
