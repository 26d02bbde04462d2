> arrests select country, price = arrested * 1.50, share = arrested + 0.25, less = 2.5 - arrested, neg = -(arrested * 0.1)
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", row_number() OVER () AS "o" FROM "arrests"),
  "s2" AS MATERIALIZED (SELECT "c0" AS "c0", (SELECT CASE WHEN CAST(CASE WHEN scale("v") > 18 THEN 1e19 ELSE "v" * power(10::numeric, scale("v")) END AS BIGINT) IS NULL THEN NULL ELSE "v" END FROM (SELECT ("c1" * CAST($1 AS NUMERIC)) AS "v") AS "d") AS "c1", (SELECT CASE WHEN CAST(CASE WHEN scale("v") > 18 THEN 1e19 ELSE "v" * power(10::numeric, scale("v")) END AS BIGINT) IS NULL THEN NULL ELSE "v" END FROM (SELECT ("c1" + CAST($2 AS NUMERIC)) AS "v") AS "d") AS "c2", (SELECT CASE WHEN CAST(CASE WHEN scale("v") > 18 THEN 1e19 ELSE "v" * power(10::numeric, scale("v")) END AS BIGINT) IS NULL THEN NULL ELSE "v" END FROM (SELECT (CAST($3 AS NUMERIC) - "c1") AS "v") AS "d") AS "c3", (SELECT CASE WHEN CAST(CASE WHEN scale("v") > 18 THEN 1e19 ELSE "v" * power(10::numeric, scale("v")) END AS BIGINT) IS NULL THEN NULL ELSE "v" END FROM (SELECT (- (SELECT CASE WHEN CAST(CASE WHEN scale("v") > 18 THEN 1e19 ELSE "v" * power(10::numeric, scale("v")) END AS BIGINT) IS NULL THEN NULL ELSE "v" END FROM (SELECT ("c1" * CAST($4 AS NUMERIC)) AS "v") AS "d")) AS "v") AS "d") AS "c4", "o" FROM "s1")
SELECT "c0" AS "country", "c1" AS "price", "c2" AS "share", "c3" AS "less", "c4" AS "neg" FROM "s2" ORDER BY "s2"."o";
-- 1: decimal 1.50
-- 2: decimal 0.25
-- 3: decimal 2.5
-- 4: decimal 0.1

> arrests select country, third = arrested / 3.0, precise = 1.0 / 3, exact = 12.30 / 3, big = arrested * 10.5 / 4, whole = 10 / 4.0
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", row_number() OVER () AS "o" FROM "arrests"),
  "s2" AS MATERIALIZED (SELECT "c0" AS "c0", (SELECT CASE WHEN CAST(CASE WHEN "w" > 18 OR scale(round("r", greatest(scale("a"), min_scale("r")))) > 18 THEN 1e19 ELSE round("r", greatest(scale("a"), min_scale("r"))) * power(10::numeric, scale(round("r", greatest(scale("a"), min_scale("r"))))) END AS BIGINT) IS NULL THEN NULL ELSE round("r", greatest(scale("a"), min_scale("r"))) END FROM (SELECT "a", "w", round("q", greatest(scale("a"), least(12, 18 - "w"))) AS "r" FROM (SELECT "a", "q", length(CAST(trunc(abs("q")) AS TEXT)) AS "w" FROM (SELECT "a", div("a" * 1e30, "b") * 1e-30 AS "q" FROM (SELECT "c1" AS "a", CAST($1 AS NUMERIC) AS "b") AS "d1") AS "d2") AS "d3") AS "d4") AS "c1", (SELECT CASE WHEN CAST(CASE WHEN "w" > 18 OR scale(round("r", greatest(scale("a"), min_scale("r")))) > 18 THEN 1e19 ELSE round("r", greatest(scale("a"), min_scale("r"))) * power(10::numeric, scale(round("r", greatest(scale("a"), min_scale("r"))))) END AS BIGINT) IS NULL THEN NULL ELSE round("r", greatest(scale("a"), min_scale("r"))) END FROM (SELECT "a", "w", round("q", greatest(scale("a"), least(12, 18 - "w"))) AS "r" FROM (SELECT "a", "q", length(CAST(trunc(abs("q")) AS TEXT)) AS "w" FROM (SELECT "a", div("a" * 1e30, "b") * 1e-30 AS "q" FROM (SELECT CAST($2 AS NUMERIC) AS "a", CAST($3 AS BIGINT) AS "b") AS "d1") AS "d2") AS "d3") AS "d4") AS "c2", (SELECT CASE WHEN CAST(CASE WHEN "w" > 18 OR scale(round("r", greatest(scale("a"), min_scale("r")))) > 18 THEN 1e19 ELSE round("r", greatest(scale("a"), min_scale("r"))) * power(10::numeric, scale(round("r", greatest(scale("a"), min_scale("r"))))) END AS BIGINT) IS NULL THEN NULL ELSE round("r", greatest(scale("a"), min_scale("r"))) END FROM (SELECT "a", "w", round("q", greatest(scale("a"), least(12, 18 - "w"))) AS "r" FROM (SELECT "a", "q", length(CAST(trunc(abs("q")) AS TEXT)) AS "w" FROM (SELECT "a", div("a" * 1e30, "b") * 1e-30 AS "q" FROM (SELECT CAST($4 AS NUMERIC) AS "a", CAST($5 AS BIGINT) AS "b") AS "d1") AS "d2") AS "d3") AS "d4") AS "c3", (SELECT CASE WHEN CAST(CASE WHEN "w" > 18 OR scale(round("r", greatest(scale("a"), min_scale("r")))) > 18 THEN 1e19 ELSE round("r", greatest(scale("a"), min_scale("r"))) * power(10::numeric, scale(round("r", greatest(scale("a"), min_scale("r"))))) END AS BIGINT) IS NULL THEN NULL ELSE round("r", greatest(scale("a"), min_scale("r"))) END FROM (SELECT "a", "w", round("q", greatest(scale("a"), least(12, 18 - "w"))) AS "r" FROM (SELECT "a", "q", length(CAST(trunc(abs("q")) AS TEXT)) AS "w" FROM (SELECT "a", div("a" * 1e30, "b") * 1e-30 AS "q" FROM (SELECT (SELECT CASE WHEN CAST(CASE WHEN scale("v") > 18 THEN 1e19 ELSE "v" * power(10::numeric, scale("v")) END AS BIGINT) IS NULL THEN NULL ELSE "v" END FROM (SELECT ("c1" * CAST($6 AS NUMERIC)) AS "v") AS "d") AS "a", CAST($7 AS BIGINT) AS "b") AS "d1") AS "d2") AS "d3") AS "d4") AS "c4", (SELECT CASE WHEN CAST(CASE WHEN "w" > 18 OR scale(round("r", greatest(scale("a"), min_scale("r")))) > 18 THEN 1e19 ELSE round("r", greatest(scale("a"), min_scale("r"))) * power(10::numeric, scale(round("r", greatest(scale("a"), min_scale("r"))))) END AS BIGINT) IS NULL THEN NULL ELSE round("r", greatest(scale("a"), min_scale("r"))) END FROM (SELECT "a", "w", round("q", greatest(scale("a"), least(12, 18 - "w"))) AS "r" FROM (SELECT "a", "q", length(CAST(trunc(abs("q")) AS TEXT)) AS "w" FROM (SELECT "a", div("a" * 1e30, "b") * 1e-30 AS "q" FROM (SELECT CAST($8 AS BIGINT) AS "a", CAST($9 AS NUMERIC) AS "b") AS "d1") AS "d2") AS "d3") AS "d4") AS "c5", "o" FROM "s1")
SELECT "c0" AS "country", "c1" AS "third", "c2" AS "precise", "c3" AS "exact", "c4" AS "big", "c5" AS "whole" FROM "s2" ORDER BY "s2"."o";
-- 1: decimal 3.0
-- 2: decimal 1.0
-- 3: integer 3
-- 4: decimal 12.30
-- 5: integer 3
-- 6: decimal 10.5
-- 7: integer 4
-- 8: integer 10
-- 9: decimal 4.0

> arrests select rest = arrested % 1.5, r = round(arrested * 1.005, 2), r0 = round(arrested / 7.0, 0), keep = round(arrested * 1.5, 3), a = abs(arrested * -1.25)
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", row_number() OVER () AS "o" FROM "arrests"),
  "s2" AS MATERIALIZED (SELECT (SELECT CASE WHEN CAST(CASE WHEN scale("v") > 18 THEN 1e19 ELSE "v" * power(10::numeric, scale("v")) END AS BIGINT) IS NULL THEN NULL ELSE "v" END FROM (SELECT mod("c1", CAST($1 AS NUMERIC)) AS "v") AS "d") AS "c0", (SELECT CASE WHEN CAST(CASE WHEN scale("v") > 18 THEN 1e19 ELSE "v" * power(10::numeric, scale("v")) END AS BIGINT) IS NULL THEN NULL ELSE "v" END FROM (SELECT (SELECT CASE WHEN "n" >= scale("v") THEN "v" ELSE round("v", CAST("n" AS INTEGER)) END FROM (SELECT (SELECT CASE WHEN CAST(CASE WHEN scale("v") > 18 THEN 1e19 ELSE "v" * power(10::numeric, scale("v")) END AS BIGINT) IS NULL THEN NULL ELSE "v" END FROM (SELECT ("c1" * CAST($2 AS NUMERIC)) AS "v") AS "d") AS "v", CAST($3 AS BIGINT) AS "n") AS "d5") AS "v") AS "d") AS "c1", (SELECT CASE WHEN CAST(CASE WHEN scale("v") > 18 THEN 1e19 ELSE "v" * power(10::numeric, scale("v")) END AS BIGINT) IS NULL THEN NULL ELSE "v" END FROM (SELECT (SELECT CASE WHEN "n" >= scale("v") THEN "v" ELSE round("v", CAST("n" AS INTEGER)) END FROM (SELECT (SELECT CASE WHEN CAST(CASE WHEN "w" > 18 OR scale(round("r", greatest(scale("a"), min_scale("r")))) > 18 THEN 1e19 ELSE round("r", greatest(scale("a"), min_scale("r"))) * power(10::numeric, scale(round("r", greatest(scale("a"), min_scale("r"))))) END AS BIGINT) IS NULL THEN NULL ELSE round("r", greatest(scale("a"), min_scale("r"))) END FROM (SELECT "a", "w", round("q", greatest(scale("a"), least(12, 18 - "w"))) AS "r" FROM (SELECT "a", "q", length(CAST(trunc(abs("q")) AS TEXT)) AS "w" FROM (SELECT "a", div("a" * 1e30, "b") * 1e-30 AS "q" FROM (SELECT "c1" AS "a", CAST($4 AS NUMERIC) AS "b") AS "d1") AS "d2") AS "d3") AS "d4") AS "v", CAST($5 AS BIGINT) AS "n") AS "d5") AS "v") AS "d") AS "c2", (SELECT CASE WHEN CAST(CASE WHEN scale("v") > 18 THEN 1e19 ELSE "v" * power(10::numeric, scale("v")) END AS BIGINT) IS NULL THEN NULL ELSE "v" END FROM (SELECT (SELECT CASE WHEN "n" >= scale("v") THEN "v" ELSE round("v", CAST("n" AS INTEGER)) END FROM (SELECT (SELECT CASE WHEN CAST(CASE WHEN scale("v") > 18 THEN 1e19 ELSE "v" * power(10::numeric, scale("v")) END AS BIGINT) IS NULL THEN NULL ELSE "v" END FROM (SELECT ("c1" * CAST($6 AS NUMERIC)) AS "v") AS "d") AS "v", CAST($7 AS BIGINT) AS "n") AS "d5") AS "v") AS "d") AS "c3", (SELECT CASE WHEN CAST(CASE WHEN scale("v") > 18 THEN 1e19 ELSE "v" * power(10::numeric, scale("v")) END AS BIGINT) IS NULL THEN NULL ELSE "v" END FROM (SELECT abs((SELECT CASE WHEN CAST(CASE WHEN scale("v") > 18 THEN 1e19 ELSE "v" * power(10::numeric, scale("v")) END AS BIGINT) IS NULL THEN NULL ELSE "v" END FROM (SELECT ("c1" * CAST($8 AS NUMERIC)) AS "v") AS "d")) AS "v") AS "d") AS "c4", "o" FROM "s1")
SELECT "c0" AS "rest", "c1" AS "r", "c2" AS "r0", "c3" AS "keep", "c4" AS "a" FROM "s2" ORDER BY "s2"."o";
-- 1: decimal 1.5
-- 2: decimal 1.005
-- 3: integer 2
-- 4: decimal 7.0
-- 5: integer 0
-- 6: decimal 1.5
-- 7: integer 3
-- 8: decimal -1.25

> arrests summarize total = sum(arrested * 1.10), mean = avg(arrested * 1.0), low = min(arrested * 0.5), high = max(arrested + 0.5) by offence
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", 0 AS "o" FROM "arrests"),
  "s2" AS (SELECT *, "c4" AS "g0" FROM "s1"),
  "s3" AS MATERIALIZED (SELECT "g0" AS "c0", (CASE WHEN CAST(CASE WHEN scale(sum((SELECT CASE WHEN CAST(CASE WHEN scale("v") > 18 THEN 1e19 ELSE "v" * power(10::numeric, scale("v")) END AS BIGINT) IS NULL THEN NULL ELSE "v" END FROM (SELECT ("c1" * CAST($1 AS NUMERIC)) AS "v") AS "d"))) > 18 THEN 1e19 ELSE sum((SELECT CASE WHEN CAST(CASE WHEN scale("v") > 18 THEN 1e19 ELSE "v" * power(10::numeric, scale("v")) END AS BIGINT) IS NULL THEN NULL ELSE "v" END FROM (SELECT ("c1" * CAST($1 AS NUMERIC)) AS "v") AS "d")) * power(10::numeric, scale(sum((SELECT CASE WHEN CAST(CASE WHEN scale("v") > 18 THEN 1e19 ELSE "v" * power(10::numeric, scale("v")) END AS BIGINT) IS NULL THEN NULL ELSE "v" END FROM (SELECT ("c1" * CAST($1 AS NUMERIC)) AS "v") AS "d")))) END AS BIGINT) IS NULL THEN NULL ELSE sum((SELECT CASE WHEN CAST(CASE WHEN scale("v") > 18 THEN 1e19 ELSE "v" * power(10::numeric, scale("v")) END AS BIGINT) IS NULL THEN NULL ELSE "v" END FROM (SELECT ("c1" * CAST($1 AS NUMERIC)) AS "v") AS "d")) END) AS "c1", (SELECT (SELECT CASE WHEN CAST(CASE WHEN "w" > 18 OR scale(round("r", greatest(scale("a"), min_scale("r")))) > 18 THEN 1e19 ELSE round("r", greatest(scale("a"), min_scale("r"))) * power(10::numeric, scale(round("r", greatest(scale("a"), min_scale("r"))))) END AS BIGINT) IS NULL THEN NULL ELSE round("r", greatest(scale("a"), min_scale("r"))) END FROM (SELECT "a", "w", round("q", greatest(scale("a"), least(12, 18 - "w"))) AS "r" FROM (SELECT "a", "q", length(CAST(trunc(abs("q")) AS TEXT)) AS "w" FROM (SELECT "a", div("a" * 1e30, "b") * 1e-30 AS "q" FROM (SELECT "s" AS "a", "n" AS "b") AS "d1") AS "d2") AS "d3") AS "d4") FROM (SELECT sum((SELECT CASE WHEN CAST(CASE WHEN scale("v") > 18 THEN 1e19 ELSE "v" * power(10::numeric, scale("v")) END AS BIGINT) IS NULL THEN NULL ELSE "v" END FROM (SELECT ("c1" * CAST($2 AS NUMERIC)) AS "v") AS "d")) AS "s", NULLIF(count((SELECT CASE WHEN CAST(CASE WHEN scale("v") > 18 THEN 1e19 ELSE "v" * power(10::numeric, scale("v")) END AS BIGINT) IS NULL THEN NULL ELSE "v" END FROM (SELECT ("c1" * CAST($2 AS NUMERIC)) AS "v") AS "d")), 0) AS "n") AS "d6") AS "c2", min((SELECT CASE WHEN CAST(CASE WHEN scale("v") > 18 THEN 1e19 ELSE "v" * power(10::numeric, scale("v")) END AS BIGINT) IS NULL THEN NULL ELSE "v" END FROM (SELECT ("c1" * CAST($3 AS NUMERIC)) AS "v") AS "d")) AS "c3", max((SELECT CASE WHEN CAST(CASE WHEN scale("v") > 18 THEN 1e19 ELSE "v" * power(10::numeric, scale("v")) END AS BIGINT) IS NULL THEN NULL ELSE "v" END FROM (SELECT ("c1" + CAST($4 AS NUMERIC)) AS "v") AS "d")) AS "c4", row_number() OVER (ORDER BY "g0" COLLATE "C" NULLS LAST) AS "o" FROM "s2" GROUP BY "g0")
SELECT "c0" AS "offence", "c1" AS "total", "c2" AS "mean", "c3" AS "low", "c4" AS "high" FROM "s3" ORDER BY "s3"."o";
-- 1: decimal 1.10
-- 2: decimal 1.0
-- 3: decimal 0.5
-- 4: decimal 0.5

> arrests select d = decimal(arrested), i = int(arrested * 1.5), f = float(arrested * 0.1), s = string(arrested * 1.50), b = bool(arrested * 0.5), t = country || " " || arrested * 1.5
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", row_number() OVER () AS "o" FROM "arrests"),
  "s2" AS MATERIALIZED (SELECT CAST("c1" AS NUMERIC) AS "c0", CAST((SELECT CASE WHEN CAST(CASE WHEN scale("v") > 18 THEN 1e19 ELSE "v" * power(10::numeric, scale("v")) END AS BIGINT) IS NULL THEN NULL ELSE "v" END FROM (SELECT ("c1" * CAST($1 AS NUMERIC)) AS "v") AS "d") AS BIGINT) AS "c1", CAST((SELECT CASE WHEN CAST(CASE WHEN scale("v") > 18 THEN 1e19 ELSE "v" * power(10::numeric, scale("v")) END AS BIGINT) IS NULL THEN NULL ELSE "v" END FROM (SELECT ("c1" * CAST($2 AS NUMERIC)) AS "v") AS "d") AS DOUBLE PRECISION) AS "c2", CAST((SELECT CASE WHEN CAST(CASE WHEN scale("v") > 18 THEN 1e19 ELSE "v" * power(10::numeric, scale("v")) END AS BIGINT) IS NULL THEN NULL ELSE "v" END FROM (SELECT ("c1" * CAST($3 AS NUMERIC)) AS "v") AS "d") AS TEXT) AS "c3", ((SELECT CASE WHEN CAST(CASE WHEN scale("v") > 18 THEN 1e19 ELSE "v" * power(10::numeric, scale("v")) END AS BIGINT) IS NULL THEN NULL ELSE "v" END FROM (SELECT ("c1" * CAST($4 AS NUMERIC)) AS "v") AS "d") <> 0) AS "c4", (("c0" || CAST($5 AS TEXT)) || CAST((SELECT CASE WHEN CAST(CASE WHEN scale("v") > 18 THEN 1e19 ELSE "v" * power(10::numeric, scale("v")) END AS BIGINT) IS NULL THEN NULL ELSE "v" END FROM (SELECT ("c1" * CAST($6 AS NUMERIC)) AS "v") AS "d") AS TEXT)) AS "c5", "o" FROM "s1")
SELECT "c0" AS "d", "c1" AS "i", "c2" AS "f", "c3" AS "s", "c4" AS "b", "c5" AS "t" FROM "s2" ORDER BY "s2"."o";
-- 1: decimal 1.5
-- 2: decimal 0.1
-- 3: decimal 1.50
-- 4: decimal 0.5
-- 5: string  
-- 6: decimal 1.5

> arrests where arrested * 1.5 > 3 and arrested * 0.5 != 1.0 select country, c = coalesce(arrested * 1.5, 0), k = if(arrested > 2, 1.25, 2)
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", row_number() OVER () AS "o" FROM "arrests"),
  "s2" AS MATERIALIZED (SELECT * FROM "s1" WHERE (CASE WHEN ((SELECT CASE WHEN CAST(CASE WHEN scale("v") > 18 THEN 1e19 ELSE "v" * power(10::numeric, scale("v")) END AS BIGINT) IS NULL THEN NULL ELSE "v" END FROM (SELECT ("c1" * CAST($1 AS NUMERIC)) AS "v") AS "d") > CAST($2 AS BIGINT)) THEN ((SELECT CASE WHEN CAST(CASE WHEN scale("v") > 18 THEN 1e19 ELSE "v" * power(10::numeric, scale("v")) END AS BIGINT) IS NULL THEN NULL ELSE "v" END FROM (SELECT ("c1" * CAST($3 AS NUMERIC)) AS "v") AS "d") <> CAST($4 AS NUMERIC)) ELSE FALSE END)),
  "s3" AS MATERIALIZED (SELECT "c0" AS "c0", coalesce((SELECT CASE WHEN CAST(CASE WHEN scale("v") > 18 THEN 1e19 ELSE "v" * power(10::numeric, scale("v")) END AS BIGINT) IS NULL THEN NULL ELSE "v" END FROM (SELECT ("c1" * CAST($5 AS NUMERIC)) AS "v") AS "d"), CAST($6 AS BIGINT)) AS "c1", CASE WHEN ("c1" > CAST($7 AS BIGINT)) THEN CAST($8 AS NUMERIC) ELSE CAST($9 AS BIGINT) END AS "c2", "o" FROM "s2")
SELECT "c0" AS "country", "c1" AS "c", "c2" AS "k" FROM "s3" ORDER BY "s3"."o";
-- 1: decimal 1.5
-- 2: integer 3
-- 3: decimal 0.5
-- 4: decimal 1.0
-- 5: decimal 1.5
-- 6: integer 0
-- 7: integer 2
-- 8: decimal 1.25
-- 9: integer 2

> countries select country, words = split(country, " ")
WITH "s1" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", row_number() OVER () AS "o" FROM "countries"),
  "s2" AS (SELECT "c0" AS "c0", (CASE WHEN "c0" IS NULL OR CAST($1 AS TEXT) IS NULL THEN NULL WHEN "c0" = '' THEN (CASE WHEN CAST($1 AS TEXT) = '' THEN CAST(ARRAY[] AS TEXT[]) ELSE ARRAY[''] END) WHEN CAST($1 AS TEXT) = '' THEN regexp_split_to_array("c0", '') ELSE string_to_array("c0", CAST($1 AS TEXT)) END) AS "c1", "o" FROM "s1")
SELECT "c0" AS "country", "c1" AS "words" FROM "s2" ORDER BY "s2"."o";
-- 1: string  

> countries select country, n = length(split(country, " ")), letters = split(country, ""), empty = split("", ",")
WITH "s1" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", row_number() OVER () AS "o" FROM "countries"),
  "s2" AS (SELECT "c0" AS "c0", CAST(cardinality((CASE WHEN "c0" IS NULL OR CAST($1 AS TEXT) IS NULL THEN NULL WHEN "c0" = '' THEN (CASE WHEN CAST($1 AS TEXT) = '' THEN CAST(ARRAY[] AS TEXT[]) ELSE ARRAY[''] END) WHEN CAST($1 AS TEXT) = '' THEN regexp_split_to_array("c0", '') ELSE string_to_array("c0", CAST($1 AS TEXT)) END)) AS BIGINT) AS "c1", (CASE WHEN "c0" IS NULL OR CAST($2 AS TEXT) IS NULL THEN NULL WHEN "c0" = '' THEN (CASE WHEN CAST($2 AS TEXT) = '' THEN CAST(ARRAY[] AS TEXT[]) ELSE ARRAY[''] END) WHEN CAST($2 AS TEXT) = '' THEN regexp_split_to_array("c0", '') ELSE string_to_array("c0", CAST($2 AS TEXT)) END) AS "c2", (CASE WHEN CAST($3 AS TEXT) IS NULL OR CAST($4 AS TEXT) IS NULL THEN NULL WHEN CAST($3 AS TEXT) = '' THEN (CASE WHEN CAST($4 AS TEXT) = '' THEN CAST(ARRAY[] AS TEXT[]) ELSE ARRAY[''] END) WHEN CAST($4 AS TEXT) = '' THEN regexp_split_to_array(CAST($3 AS TEXT), '') ELSE string_to_array(CAST($3 AS TEXT), CAST($4 AS TEXT)) END) AS "c3", "o" FROM "s1")
SELECT "c0" AS "country", "c1" AS "n", "c2" AS "letters", "c3" AS "empty" FROM "s2" ORDER BY "s2"."o";
-- 1: string  
-- 2: string 
-- 3: string 
-- 4: string ,

> countries where split(country, " ") contains "Republic" select country
WITH "s1" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", row_number() OVER () AS "o" FROM "countries"),
  "s2" AS (SELECT * FROM "s1" WHERE (CASE WHEN (CASE WHEN "c0" IS NULL OR CAST($1 AS TEXT) IS NULL THEN NULL WHEN "c0" = '' THEN (CASE WHEN CAST($1 AS TEXT) = '' THEN CAST(ARRAY[] AS TEXT[]) ELSE ARRAY[''] END) WHEN CAST($1 AS TEXT) = '' THEN regexp_split_to_array("c0", '') ELSE string_to_array("c0", CAST($1 AS TEXT)) END) IS NULL THEN NULL WHEN cardinality((CASE WHEN "c0" IS NULL OR CAST($1 AS TEXT) IS NULL THEN NULL WHEN "c0" = '' THEN (CASE WHEN CAST($1 AS TEXT) = '' THEN CAST(ARRAY[] AS TEXT[]) ELSE ARRAY[''] END) WHEN CAST($1 AS TEXT) = '' THEN regexp_split_to_array("c0", '') ELSE string_to_array("c0", CAST($1 AS TEXT)) END)) = 0 THEN FALSE WHEN CAST($2 AS TEXT) IS NULL THEN NULL ELSE coalesce(CAST($2 AS TEXT) = ANY((CASE WHEN "c0" IS NULL OR CAST($1 AS TEXT) IS NULL THEN NULL WHEN "c0" = '' THEN (CASE WHEN CAST($1 AS TEXT) = '' THEN CAST(ARRAY[] AS TEXT[]) ELSE ARRAY[''] END) WHEN CAST($1 AS TEXT) = '' THEN regexp_split_to_array("c0", '') ELSE string_to_array("c0", CAST($1 AS TEXT)) END)), FALSE) END)),
  "s3" AS (SELECT "c0" AS "c0", "o" FROM "s2")
SELECT "c0" AS "country" FROM "s3" ORDER BY "s3"."o";
-- 1: string  
-- 2: string Republic

> countries extend words = split(country, " ") | unnest words | count by words
WITH "s1" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", 0 AS "o" FROM "countries"),
  "s2" AS (SELECT "c0" AS "c0", "c1" AS "c1", "c2" AS "c2", "c3" AS "c3", "c4" AS "c4", (CASE WHEN "c0" IS NULL OR CAST($1 AS TEXT) IS NULL THEN NULL WHEN "c0" = '' THEN (CASE WHEN CAST($1 AS TEXT) = '' THEN CAST(ARRAY[] AS TEXT[]) ELSE ARRAY[''] END) WHEN CAST($1 AS TEXT) = '' THEN regexp_split_to_array("c0", '') ELSE string_to_array("c0", CAST($1 AS TEXT)) END) AS "c5", "o" FROM "s1"),
  "s3" AS (SELECT "i"."c0" AS "c0", "i"."c1" AS "c1", "i"."c2" AS "c2", "i"."c3" AS "c3", "i"."c4" AS "c4", "u"."e" AS "c5", row_number() OVER (ORDER BY "i"."o", "u"."n") AS "o" FROM "s2" AS "i" CROSS JOIN LATERAL unnest("i"."c5") WITH ORDINALITY AS "u"("e", "n")),
  "s4" AS (SELECT *, "c5" AS "g0" FROM "s3"),
  "s5" AS (SELECT "g0" AS "c0", count(*) AS "c1", row_number() OVER (ORDER BY "g0" COLLATE "C" NULLS LAST) AS "o" FROM "s4" GROUP BY "g0")
SELECT "c0" AS "words", "c1" AS "count" FROM "s5" ORDER BY "s5"."o";
-- 1: string  

> arrests summarize countries = list(country), counts = list(arrested) by offence
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", row_number() OVER () AS "o" FROM "arrests"),
  "s2" AS (SELECT *, "c4" AS "g0" FROM "s1"),
  "s3" AS (SELECT "g0" AS "c0", array_agg("c0" ORDER BY "o") AS "c1", array_agg("c1" ORDER BY "o") AS "c2", row_number() OVER (ORDER BY "g0" COLLATE "C" NULLS LAST) AS "o" FROM "s2" GROUP BY "g0")
SELECT "c0" AS "offence", "c1" AS "countries", "c2" AS "counts" FROM "s3" ORDER BY "s3"."o";

> arrests summarize all = list(suspects)
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", row_number() OVER () AS "o" FROM "arrests"),
  "s2" AS (SELECT array_agg("c2" ORDER BY "o") AS "c0", 1 AS "o" FROM "s1")
SELECT "c0" AS "all" FROM "s2" ORDER BY "s2"."o";

> countries select words = split(country, " ") | sort by words desc | limit 5
WITH "s1" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", row_number() OVER () AS "o" FROM "countries"),
  "s2" AS (SELECT (CASE WHEN "c0" IS NULL OR CAST($1 AS TEXT) IS NULL THEN NULL WHEN "c0" = '' THEN (CASE WHEN CAST($1 AS TEXT) = '' THEN CAST(ARRAY[] AS TEXT[]) ELSE ARRAY[''] END) WHEN CAST($1 AS TEXT) = '' THEN regexp_split_to_array("c0", '') ELSE string_to_array("c0", CAST($1 AS TEXT)) END) AS "c0", "o" FROM "s1"),
  "s3" AS (SELECT "c0", "o", "c0" AS "k0" FROM "s2"),
  "s4" AS (SELECT * FROM "s3" ORDER BY "s3"."k0" COLLATE "C" DESC NULLS LAST, "s3"."o" LIMIT CAST($2 AS BIGINT))
SELECT "c0" AS "words" FROM "s4" ORDER BY "s4"."k0" COLLATE "C" DESC NULLS LAST, "s4"."o";
-- 1: string  
-- 2: integer 5

> countries select words = split(country, "a") | distinct words | sort by words
WITH "s1" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", row_number() OVER () AS "o" FROM "countries"),
  "s2" AS (SELECT (CASE WHEN "c0" IS NULL OR CAST($1 AS TEXT) IS NULL THEN NULL WHEN "c0" = '' THEN (CASE WHEN CAST($1 AS TEXT) = '' THEN CAST(ARRAY[] AS TEXT[]) ELSE ARRAY[''] END) WHEN CAST($1 AS TEXT) = '' THEN regexp_split_to_array("c0", '') ELSE string_to_array("c0", CAST($1 AS TEXT)) END) AS "c0", "o" FROM "s1"),
  "s3" AS (SELECT "c0" AS "c0", min("o") AS "o" FROM "s2" GROUP BY "c0"),
  "s4" AS (SELECT "c0", "o", "c0" AS "k0" FROM "s3")
SELECT "c0" AS "words" FROM "s4" ORDER BY "s4"."k0" COLLATE "C" NULLS LAST, "s4"."o";
-- 1: string a
