> victims summarize n = count(victims), median(victims), p90 = percentile(victims, 0.9), sd = round(stddev(victims), 2), var = round(variance(victims), 2)
WITH "s1" AS (SELECT "country" AS "c0", "victims" AS "c1", "status" AS "c2", "nationality" AS "c3", "origin" AS "c4", "destination" AS "c5", "lure" AS "c6", "exploitation" AS "c7", "source" AS "c8", 0 AS "o" FROM "victims"),
  "s2" AS MATERIALIZED (SELECT count("c1") AS "c0", percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST("c1" AS DOUBLE PRECISION)) AS "c1", percentile_cont(CAST($1 AS DOUBLE PRECISION)) WITHIN GROUP (ORDER BY CAST("c1" AS DOUBLE PRECISION)) AS "c2", stddev_samp("c1") AS "c3", var_samp("c1") AS "c4", 1 AS "o" FROM "s1"),
  "s3" AS MATERIALIZED (SELECT "c0" AS "c0", "c1" AS "c1", "c2" AS "c2", CAST(round(CAST("c3" AS NUMERIC), CAST(CAST($2 AS BIGINT) AS INTEGER)) AS DOUBLE PRECISION) AS "c3", CAST(round(CAST("c4" AS NUMERIC), CAST(CAST($3 AS BIGINT) AS INTEGER)) AS DOUBLE PRECISION) AS "c4", "o" FROM "s2")
SELECT "c0" AS "n", "c1" AS "median_victims", "c2" AS "p90", "c3" AS "sd", "c4" AS "var" FROM "s3" ORDER BY "s3"."o";
-- 1: float 0.9
-- 2: integer 2
-- 3: integer 2

> arrests summarize reports = count(), several = count_if(arrested > 1), countries = string_agg(country, "; "), first(country), last(country) by offence
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", row_number() OVER () AS "o" FROM "arrests"),
  "s2" AS (SELECT *, "c4" AS "g0" FROM "s1"),
  "s3" AS (SELECT "g0" AS "c0", count(*) AS "c1", count(CASE WHEN ("c1" > CAST($1 AS BIGINT)) THEN 1 END) AS "c2", string_agg("c0", CAST($2 AS TEXT) ORDER BY "o") AS "c3", (array_agg("c0" ORDER BY "o"))[1] AS "c4", (array_agg("c0" ORDER BY "o" DESC))[1] AS "c5", row_number() OVER (ORDER BY "g0" COLLATE "C" NULLS LAST) AS "o" FROM "s2" GROUP BY "g0")
SELECT "c0" AS "offence", "c1" AS "reports", "c2" AS "several", "c3" AS "countries", "c4" AS "first_country", "c5" AS "last_country" FROM "s3" ORDER BY "s3"."o";
-- 1: integer 1
-- 2: string ; 

> figures summarize metrics = string_agg(metric, ", "), mid = median(value) by approx
WITH "s1" AS (SELECT "metric" AS "c0", "value" AS "c1", "approx" AS "c2", "qualifier" AS "c3", "source" AS "c4", row_number() OVER () AS "o" FROM "figures"),
  "s2" AS (SELECT *, "c2" AS "g0" FROM "s1"),
  "s3" AS (SELECT "g0" AS "c0", string_agg("c0", CAST($1 AS TEXT) ORDER BY "o") AS "c1", percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST("c1" AS DOUBLE PRECISION)) AS "c2", row_number() OVER (ORDER BY "g0" NULLS LAST) AS "o" FROM "s2" GROUP BY "g0")
SELECT "c0" AS "approx", "c1" AS "metrics", "c2" AS "mid" FROM "s3" ORDER BY "s3"."o";
-- 1: string , 
