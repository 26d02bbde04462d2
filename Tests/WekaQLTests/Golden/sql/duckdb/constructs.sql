> arrests where arrested > 2
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT * FROM "s1" WHERE ("c1" > CAST($1 AS BIGINT)))
SELECT "c0" AS "country", "c1" AS "arrested", "c2" AS "suspects", "c3" AS "nationality", "c4" AS "offence", "c5" AS "place", "c6" AS "linked_operation", "c7" AS "notice", "c8" AS "notice_published_by", "c9" AS "allegation", "c10" AS "source" FROM "s2" ORDER BY "s2"."o";
-- 1: integer 2

> arrests select country, arrested as people, n = arrested * 2
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS MATERIALIZED (SELECT "c0" AS "c0", "c1" AS "c1", ("c1" * CAST($1 AS BIGINT)) AS "c2", "o" FROM "s1")
SELECT "c0" AS "country", "c1" AS "people", "c2" AS "n" FROM "s2" ORDER BY "s2"."o";
-- 1: integer 2

> arrests extend doubled = arrested * 2 | rename doubled as twice | drop source
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS MATERIALIZED (SELECT "c0" AS "c0", "c1" AS "c1", "c2" AS "c2", "c3" AS "c3", "c4" AS "c4", "c5" AS "c5", "c6" AS "c6", "c7" AS "c7", "c8" AS "c8", "c9" AS "c9", "c10" AS "c10", ("c1" * CAST($1 AS BIGINT)) AS "c11", "o" FROM "s1"),
  "s3" AS (SELECT "c0" AS "c0", "c1" AS "c1", "c2" AS "c2", "c3" AS "c3", "c4" AS "c4", "c5" AS "c5", "c6" AS "c6", "c7" AS "c7", "c8" AS "c8", "c9" AS "c9", "c10" AS "c10", "c11" AS "c11", "o" FROM "s2"),
  "s4" AS (SELECT "c0" AS "c0", "c1" AS "c1", "c2" AS "c2", "c3" AS "c3", "c4" AS "c4", "c5" AS "c5", "c6" AS "c6", "c7" AS "c7", "c8" AS "c8", "c9" AS "c9", "c11" AS "c10", "o" FROM "s3")
SELECT "c0" AS "country", "c1" AS "arrested", "c2" AS "suspects", "c3" AS "nationality", "c4" AS "offence", "c5" AS "place", "c6" AS "linked_operation", "c7" AS "notice", "c8" AS "notice_published_by", "c9" AS "allegation", "c10" AS "twice" FROM "s4" ORDER BY "s4"."o";
-- 1: integer 2

> arrests sort by arrested desc, country
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT "c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", "o", "c1" AS "k0", "c0" AS "k1" FROM "s1")
SELECT "c0" AS "country", "c1" AS "arrested", "c2" AS "suspects", "c3" AS "nationality", "c4" AS "offence", "c5" AS "place", "c6" AS "linked_operation", "c7" AS "notice", "c8" AS "notice_published_by", "c9" AS "allegation", "c10" AS "source" FROM "s2" ORDER BY "s2"."k0" DESC NULLS LAST, "s2"."k1" NULLS LAST, "s2"."o";

> arrests top 3 by arrested desc
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT "c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", "o", "c1" AS "k0" FROM "s1"),
  "s3" AS (SELECT * FROM "s2" ORDER BY "s2"."k0" DESC NULLS LAST, "s2"."o" LIMIT CAST($1 AS BIGINT))
SELECT "c0" AS "country", "c1" AS "arrested", "c2" AS "suspects", "c3" AS "nationality", "c4" AS "offence", "c5" AS "place", "c6" AS "linked_operation", "c7" AS "notice", "c8" AS "notice_published_by", "c9" AS "allegation", "c10" AS "source" FROM "s3" ORDER BY "s3"."k0" DESC NULLS LAST, "s3"."o";
-- 1: integer 3

> arrests limit 2 offset 1
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT * FROM "s1" ORDER BY "o" LIMIT CAST($1 AS BIGINT) OFFSET CAST($2 AS BIGINT))
SELECT "c0" AS "country", "c1" AS "arrested", "c2" AS "suspects", "c3" AS "nationality", "c4" AS "offence", "c5" AS "place", "c6" AS "linked_operation", "c7" AS "notice", "c8" AS "notice_published_by", "c9" AS "allegation", "c10" AS "source" FROM "s2" ORDER BY "s2"."o";
-- 1: integer 2
-- 2: integer 1

> arrests distinct offence
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT "c4" AS "c0", min("o") AS "o" FROM "s1" GROUP BY "c4")
SELECT "c0" AS "offence" FROM "s2" ORDER BY "s2"."o";

> arrests distinct
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT "c0" AS "c0", "c1" AS "c1", "c2" AS "c2", "c3" AS "c3", "c4" AS "c4", "c5" AS "c5", "c6" AS "c6", "c7" AS "c7", "c8" AS "c8", "c9" AS "c9", "c10" AS "c10", min("o") AS "o" FROM "s1" GROUP BY "c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10")
SELECT "c0" AS "country", "c1" AS "arrested", "c2" AS "suspects", "c3" AS "nationality", "c4" AS "offence", "c5" AS "place", "c6" AS "linked_operation", "c7" AS "notice", "c8" AS "notice_published_by", "c9" AS "allegation", "c10" AS "source" FROM "s2" ORDER BY "s2"."o";

> arrests count
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", 0 AS "o" FROM "arrests"),
  "s2" AS (SELECT count(*) AS "c0", 1 AS "o" FROM "s1")
SELECT "c0" AS "count" FROM "s2" ORDER BY "s2"."o";

> arrests count by offence
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", 0 AS "o" FROM "arrests"),
  "s2" AS (SELECT *, "c4" AS "g0" FROM "s1"),
  "s3" AS (SELECT "g0" AS "c0", count(*) AS "c1", row_number() OVER (ORDER BY "g0" NULLS LAST) AS "o" FROM "s2" GROUP BY "g0")
SELECT "c0" AS "offence", "c1" AS "count" FROM "s3" ORDER BY "s3"."o";

> arrests summarize people = sum(arrested), reports = count(), mean = avg(arrested) by offence
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", 0 AS "o" FROM "arrests"),
  "s2" AS (SELECT *, "c4" AS "g0" FROM "s1"),
  "s3" AS MATERIALIZED (SELECT "g0" AS "c0", CAST(sum("c1") AS BIGINT) AS "c1", count(*) AS "c2", CAST(avg("c1") AS DOUBLE) AS "c3", row_number() OVER (ORDER BY "g0" NULLS LAST) AS "o" FROM "s2" GROUP BY "g0")
SELECT "c0" AS "offence", "c1" AS "people", "c2" AS "reports", "c3" AS "mean" FROM "s3" ORDER BY "s3"."o";

> arrests summarize rate = round(sum(arrested) / count(), 2), spread = max(arrested) - min(arrested)
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", 0 AS "o" FROM "arrests"),
  "s2" AS MATERIALIZED (SELECT CAST(sum("c1") AS BIGINT) AS "c0", count(*) AS "c1", max("c1") AS "c2", min("c1") AS "c3", 1 AS "o" FROM "s1"),
  "s3" AS MATERIALIZED (SELECT (CASE WHEN abs((CASE WHEN "c0" IS NULL OR "c1" IS NULL THEN NULL WHEN "c1" = 0 THEN error('division by zero') ELSE (CASE WHEN isinf((CAST("c0" AS DOUBLE) / CAST("c1" AS DOUBLE))) THEN error('decimal out of range') ELSE (CAST("c0" AS DOUBLE) / CAST("c1" AS DOUBLE)) END) END)) >= 1e19 AND CAST($1 AS BIGINT) >= 0 THEN (CASE WHEN "c0" IS NULL OR "c1" IS NULL THEN NULL WHEN "c1" = 0 THEN error('division by zero') ELSE (CASE WHEN isinf((CAST("c0" AS DOUBLE) / CAST("c1" AS DOUBLE))) THEN error('decimal out of range') ELSE (CAST("c0" AS DOUBLE) / CAST("c1" AS DOUBLE)) END) END) WHEN abs((CASE WHEN "c0" IS NULL OR "c1" IS NULL THEN NULL WHEN "c1" = 0 THEN error('division by zero') ELSE (CASE WHEN isinf((CAST("c0" AS DOUBLE) / CAST("c1" AS DOUBLE))) THEN error('decimal out of range') ELSE (CAST("c0" AS DOUBLE) / CAST("c1" AS DOUBLE)) END) END)) >= 1e19 THEN error('no SQL for round of a decimal past 1e19 to tens or more') ELSE CAST(round(CAST(CAST((CASE WHEN "c0" IS NULL OR "c1" IS NULL THEN NULL WHEN "c1" = 0 THEN error('division by zero') ELSE (CASE WHEN isinf((CAST("c0" AS DOUBLE) / CAST("c1" AS DOUBLE))) THEN error('decimal out of range') ELSE (CAST("c0" AS DOUBLE) / CAST("c1" AS DOUBLE)) END) END) AS VARCHAR) AS DECIMAL(38, 18)), CAST(CAST($1 AS BIGINT) AS INTEGER)) AS DOUBLE) END) AS "c0", ("c2" - "c3") AS "c1", "o" FROM "s2")
SELECT "c0" AS "rate", "c1" AS "spread" FROM "s3" ORDER BY "s3"."o";
-- 1: integer 2

> arrests summarize m = median(arrested), p = percentile(arrested, 0.9), s = stddev(arrested), v = variance(arrested)
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", 0 AS "o" FROM "arrests"),
  "s2" AS (SELECT CAST(quantile_cont(CAST("c1" AS DOUBLE), 0.5) AS DOUBLE) AS "c0", CAST(quantile_cont(CAST("c1" AS DOUBLE), CAST($1 AS DOUBLE)) AS DOUBLE) AS "c1", stddev_samp("c1") AS "c2", var_samp("c1") AS "c3", 1 AS "o" FROM "s1")
SELECT "c0" AS "m", "c1" AS "p", "c2" AS "s", "c3" AS "v" FROM "s2" ORDER BY "s2"."o";
-- 1: float 0.9

> arrests summarize c = count(arrested), d = count_distinct(offence), i = count_if(arrested > 1)
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", 0 AS "o" FROM "arrests"),
  "s2" AS (SELECT count("c1") AS "c0", count(DISTINCT "c4") AS "c1", count(CASE WHEN ("c1" > CAST($1 AS BIGINT)) THEN 1 END) AS "c2", 1 AS "o" FROM "s1")
SELECT "c0" AS "c", "c1" AS "d", "c2" AS "i" FROM "s2" ORDER BY "s2"."o";
-- 1: integer 1

> arrests summarize names = string_agg(country, "; "), f = first(country), l = last(country)
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT string_agg("c0", CAST($1 AS VARCHAR) ORDER BY "o") AS "c0", first("c0" ORDER BY "o") AS "c1", last("c0" ORDER BY "o") AS "c2", 1 AS "o" FROM "s1")
SELECT "c0" AS "names", "c1" AS "f", "c2" AS "l" FROM "s2" ORDER BY "s2"."o";
-- 1: string ; 

> arrests join countries on country
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", rowid AS "o" FROM "countries"),
  "s3" AS (SELECT "l"."c0" AS "c0", "l"."c1" AS "c1", "l"."c2" AS "c2", "l"."c3" AS "c3", "l"."c4" AS "c4", "l"."c5" AS "c5", "l"."c6" AS "c6", "l"."c7" AS "c7", "l"."c8" AS "c8", "l"."c9" AS "c9", "l"."c10" AS "c10", "r"."c1" AS "c11", "r"."c2" AS "c12", "r"."c3" AS "c13", "r"."c4" AS "c14", row_number() OVER (ORDER BY "l"."o", "r"."o") AS "o" FROM "s1" AS "l" JOIN "s2" AS "r" ON "l"."c0" = "r"."c0")
SELECT "c0" AS "country", "c1" AS "arrested", "c2" AS "suspects", "c3" AS "nationality", "c4" AS "offence", "c5" AS "place", "c6" AS "linked_operation", "c7" AS "notice", "c8" AS "notice_published_by", "c9" AS "allegation", "c10" AS "source", "c11" AS "iso2", "c12" AS "iso3", "c13" AS "continent", "c14" AS "countries_source" FROM "s3" ORDER BY "s3"."o";

> arrests left join countries on country | select country, continent
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", rowid AS "o" FROM "countries"),
  "s3" AS (SELECT "l"."c0" AS "c0", "l"."c1" AS "c1", "l"."c2" AS "c2", "l"."c3" AS "c3", "l"."c4" AS "c4", "l"."c5" AS "c5", "l"."c6" AS "c6", "l"."c7" AS "c7", "l"."c8" AS "c8", "l"."c9" AS "c9", "l"."c10" AS "c10", "r"."c1" AS "c11", "r"."c2" AS "c12", "r"."c3" AS "c13", "r"."c4" AS "c14", row_number() OVER (ORDER BY "l"."o", "r"."o") AS "o" FROM "s1" AS "l" LEFT JOIN "s2" AS "r" ON "l"."c0" = "r"."c0"),
  "s4" AS (SELECT "c0" AS "c0", "c13" AS "c1", "o" FROM "s3")
SELECT "c0" AS "country", "c1" AS "continent" FROM "s4" ORDER BY "s4"."o";

> victims join countries on country = country | count by continent
WITH "s1" AS (SELECT "country" AS "c0", "victims" AS "c1", "status" AS "c2", "nationality" AS "c3", "origin" AS "c4", "destination" AS "c5", "lure" AS "c6", "exploitation" AS "c7", "source" AS "c8", 0 AS "o" FROM "victims"),
  "s2" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", 0 AS "o" FROM "countries"),
  "s3" AS (SELECT "l"."c0" AS "c0", "l"."c1" AS "c1", "l"."c2" AS "c2", "l"."c3" AS "c3", "l"."c4" AS "c4", "l"."c5" AS "c5", "l"."c6" AS "c6", "l"."c7" AS "c7", "l"."c8" AS "c8", "r"."c1" AS "c9", "r"."c2" AS "c10", "r"."c3" AS "c11", "r"."c4" AS "c12", row_number() OVER (ORDER BY "l"."o", "r"."o") AS "o" FROM "s1" AS "l" JOIN "s2" AS "r" ON "l"."c0" = "r"."c0"),
  "s4" AS (SELECT *, "c11" AS "g0" FROM "s3"),
  "s5" AS (SELECT "g0" AS "c0", count(*) AS "c1", row_number() OVER (ORDER BY "g0" NULLS LAST) AS "o" FROM "s4" GROUP BY "g0")
SELECT "c0" AS "continent", "c1" AS "count" FROM "s5" ORDER BY "s5"."o";

> arrests where country =~ "cote d'ivoire" or suspects contains "man" or country starts with "gu" or country ends with "ia"
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT * FROM "s1" WHERE (CASE WHEN (CASE WHEN (CASE WHEN (translate(lower(strip_accents("c0")), 'øłđħŧıŀ‘’ʼ', 'oldhtil''''''') = translate(lower(strip_accents(CAST($1 AS VARCHAR))), 'øłđħŧıŀ‘’ʼ', 'oldhtil''''''')) THEN TRUE ELSE contains(translate(lower(strip_accents("c2")), 'øłđħŧıŀ‘’ʼ', 'oldhtil'''''''), translate(lower(strip_accents(CAST($2 AS VARCHAR))), 'øłđħŧıŀ‘’ʼ', 'oldhtil''''''')) END) THEN TRUE ELSE starts_with(translate(lower(strip_accents("c0")), 'øłđħŧıŀ‘’ʼ', 'oldhtil'''''''), translate(lower(strip_accents(CAST($3 AS VARCHAR))), 'øłđħŧıŀ‘’ʼ', 'oldhtil''''''')) END) THEN TRUE ELSE ends_with(translate(lower(strip_accents("c0")), 'øłđħŧıŀ‘’ʼ', 'oldhtil'''''''), translate(lower(strip_accents(CAST($4 AS VARCHAR))), 'øłđħŧıŀ‘’ʼ', 'oldhtil''''''')) END))
SELECT "c0" AS "country", "c1" AS "arrested", "c2" AS "suspects", "c3" AS "nationality", "c4" AS "offence", "c5" AS "place", "c6" AS "linked_operation", "c7" AS "notice", "c8" AS "notice_published_by", "c9" AS "allegation", "c10" AS "source" FROM "s2" ORDER BY "s2"."o";
-- 1: string Côte d'Ivoire
-- 2: string man
-- 3: string gu
-- 4: string ia

> arrests where suspects matches "^[A-Z]\\w+"
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT * FROM "s1" WHERE regexp_matches("c2", CAST($1 AS VARCHAR)))
SELECT "c0" AS "country", "c1" AS "arrested", "c2" AS "suspects", "c3" AS "nationality", "c4" AS "offence", "c5" AS "place", "c6" AS "linked_operation", "c7" AS "notice", "c8" AS "notice_published_by", "c9" AS "allegation", "c10" AS "source" FROM "s2" ORDER BY "s2"."o";
-- 1: string ^[A-Z][\p{L}\p{M}\p{N}_]+

> arrests where suspects matches "woman"
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT * FROM "s1" WHERE regexp_matches("c2", CAST($1 AS VARCHAR)))
SELECT "c0" AS "country", "c1" AS "arrested", "c2" AS "suspects", "c3" AS "nationality", "c4" AS "offence", "c5" AS "place", "c6" AS "linked_operation", "c7" AS "notice", "c8" AS "notice_published_by", "c9" AS "allegation", "c10" AS "source" FROM "s2" ORDER BY "s2"."o";
-- 1: string woman

> arrests where country in ("Togo", "Chad") and arrested not between 2 and 5 and notice is not null
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT * FROM "s1" WHERE (CASE WHEN (CASE WHEN ("c0" IN (CAST($1 AS VARCHAR), CAST($2 AS VARCHAR))) THEN ("c1" NOT BETWEEN CAST($3 AS BIGINT) AND CAST($4 AS BIGINT)) ELSE FALSE END) THEN ("c7" IS NOT NULL) ELSE FALSE END))
SELECT "c0" AS "country", "c1" AS "arrested", "c2" AS "suspects", "c3" AS "nationality", "c4" AS "offence", "c5" AS "place", "c6" AS "linked_operation", "c7" AS "notice", "c8" AS "notice_published_by", "c9" AS "allegation", "c10" AS "source" FROM "s2" ORDER BY "s2"."o";
-- 1: string Togo
-- 2: string Chad
-- 3: integer 2
-- 4: integer 5

> arrests select country || ": " || arrested, concat(country, arrested, true)
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT (("c0" || CAST($1 AS VARCHAR)) || CAST("c1" AS VARCHAR)) AS "c0", (coalesce("c0", '') || coalesce(CAST("c1" AS VARCHAR), '') || coalesce((CASE CAST($2 AS BOOLEAN) WHEN TRUE THEN 'true' WHEN FALSE THEN 'false' END), '')) AS "c1", "o" FROM "s1")
SELECT "c0" AS "country || "": "" || arrested", "c1" AS "concat(country, arrested, true)" FROM "s2" ORDER BY "s2"."o";
-- 1: string : 
-- 2: boolean true

> arrests select arrested / 2, arrested % 2, -arrested, arrested + 1 - 1
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS MATERIALIZED (SELECT (CASE WHEN "c1" IS NULL OR CAST($1 AS BIGINT) IS NULL THEN NULL WHEN CAST($1 AS BIGINT) = 0 THEN error('division by zero') ELSE (CASE WHEN isinf((CAST("c1" AS DOUBLE) / CAST(CAST($1 AS BIGINT) AS DOUBLE))) THEN error('decimal out of range') ELSE (CAST("c1" AS DOUBLE) / CAST(CAST($1 AS BIGINT) AS DOUBLE)) END) END) AS "c0", (CASE WHEN "c1" IS NULL OR CAST($2 AS BIGINT) IS NULL THEN NULL WHEN CAST($2 AS BIGINT) = 0 THEN error('division by zero') ELSE "c1" % CAST($2 AS BIGINT) END) AS "c1", (- "c1") AS "c2", (("c1" + CAST($3 AS BIGINT)) - CAST($4 AS BIGINT)) AS "c3", "o" FROM "s1")
SELECT "c0" AS "arrested / 2", "c1" AS "arrested % 2", "c2" AS "-arrested", "c3" AS "arrested + 1 - 1" FROM "s2" ORDER BY "s2"."o";
-- 1: integer 2
-- 2: integer 2
-- 3: integer 1
-- 4: integer 1

> arrests select case when arrested > 2 then "many" when arrested is null then "unknown" else "few" end
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT CASE WHEN ("c1" > CAST($1 AS BIGINT)) THEN CAST($2 AS VARCHAR) WHEN ("c1" IS NULL) THEN CAST($3 AS VARCHAR) ELSE CAST($4 AS VARCHAR) END AS "c0", "o" FROM "s1")
SELECT "c0" AS "case when arrested > 2 then ""many"" when arrested is null then ""unknown"" else ""few"" end" FROM "s2" ORDER BY "s2"."o";
-- 1: integer 2
-- 2: string many
-- 3: string unknown
-- 4: string few

> arrests select if(arrested > 2, 1.5, 0), coalesce(arrested, 0)
constructs.wql:27:16: error[E1000]: no SQL yet for an exact decimal in duckdb
arrests select if(arrested > 2, 1.5, 0), coalesce(arrested, 0)
               ^~~~~~~~~~~~~~~~~~~~~~~~
help: duckdb has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> arrests select lower(country), upper(country), length(country), trim(country), substr(country, 2, 3), replace(country, "a", "o"), left(country, 2), right(country, 2)
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT lower("c0") AS "c0", upper("c0") AS "c1", CAST(length_grapheme("c0") AS BIGINT) AS "c2", regexp_replace("c0", '^[\t\n\x0B\f\r\x{85}\p{Z}]+|[\t\n\x0B\f\r\x{85}\p{Z}]+$', '', 'g') AS "c3", substring_grapheme("c0", (CASE WHEN CAST($1 AS BIGINT) < 1 THEN 1 ELSE CAST($1 AS BIGINT) END), (CASE WHEN CAST($2 AS BIGINT) < 0 THEN 0 ELSE CAST($2 AS BIGINT) END)) AS "c4", replace("c0", CAST($3 AS VARCHAR), CAST($4 AS VARCHAR)) AS "c5", left_grapheme("c0", CAST($5 AS BIGINT)) AS "c6", right_grapheme("c0", CAST($6 AS BIGINT)) AS "c7", "o" FROM "s1")
SELECT "c0" AS "lower(country)", "c1" AS "upper(country)", "c2" AS "length(country)", "c3" AS "trim(country)", "c4" AS "substr(country, 2, 3)", "c5" AS "replace(country, ""a"", ""o"")", "c6" AS "left(country, 2)", "c7" AS "right(country, 2)" FROM "s2" ORDER BY "s2"."o";
-- 1: integer 2
-- 2: integer 3
-- 3: string a
-- 4: string o
-- 5: integer 2
-- 6: integer 2

> arrests select abs(arrested), round(arrested, -1), floor(1.5), ceil(1.5), round(2.345, 2)
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS MATERIALIZED (SELECT abs("c1") AS "c0", round("c1", CAST(CAST($1 AS BIGINT) AS INTEGER)) AS "c1", CAST(floor(CAST($2 AS DECIMAL(18, 1))) AS BIGINT) AS "c2", CAST(ceil(CAST($3 AS DECIMAL(18, 1))) AS BIGINT) AS "c3", (CASE WHEN abs(round(CAST($4 AS DECIMAL(18, 3)), CAST(CAST($5 AS BIGINT) AS INTEGER))) > 92233720368547758.07 THEN error('decimal out of range') ELSE CAST(round(CAST($4 AS DECIMAL(18, 3)), CAST(CAST($5 AS BIGINT) AS INTEGER)) AS DECIMAL(19, 2)) END) AS "c4", "o" FROM "s1")
SELECT "c0" AS "abs(arrested)", "c1" AS "round(arrested, -1)", "c2" AS "floor(1.5)", "c3" AS "ceil(1.5)", "c4" AS "round(2.345, 2)" FROM "s2" ORDER BY "s2"."o";
-- 1: integer -1
-- 2: decimal 1.5
-- 3: decimal 1.5
-- 4: decimal 2.345
-- 5: integer 2

> operations select year(start_date), month(start_date), day(start_date), date_trunc("month", start_date), date_diff("day", start_date, end_date), end_date - start_date, start_date + 1
WITH "s1" AS (SELECT "name" AS "c0", "year" AS "c1", "stated_year" AS "c2", "dates" AS "c3", "start_date" AS "c4", "end_date" AS "c5", "countries" AS "c6", "continents" AS "c7", "arrests" AS "c8", "arrests_qualifier" AS "c9", "victims_rescued" AS "c10", "victims_rescued_qualifier" AS "c11", "migrants_identified" AS "c12", "migrants_identified_qualifier" AS "c13", "nationalities" AS "c14", "coordinator" AS "c15", "source" AS "c16", rowid AS "o" FROM "operations"),
  "s2" AS (SELECT CAST(year("c4") AS BIGINT) AS "c0", CAST(month("c4") AS BIGINT) AS "c1", CAST(day("c4") AS BIGINT) AS "c2", CAST(date_trunc('month', "c4") AS DATE) AS "c3", date_diff('day', "c4", "c5") AS "c4", CAST(("c5" - "c4") AS BIGINT) AS "c5", ("c4" + CAST(CAST($1 AS BIGINT) AS INTEGER)) AS "c6", "o" FROM "s1")
SELECT "c0" AS "year(start_date)", "c1" AS "month(start_date)", "c2" AS "day(start_date)", "c3" AS "date_trunc(""month"", start_date)", "c4" AS "date_diff(""day"", start_date, end_date)", "c5" AS "end_date - start_date", "c6" AS "start_date + 1" FROM "s2" ORDER BY "s2"."o";
-- 1: integer 1

> operations where start_date < today()
WITH "s1" AS (SELECT "name" AS "c0", "year" AS "c1", "stated_year" AS "c2", "dates" AS "c3", "start_date" AS "c4", "end_date" AS "c5", "countries" AS "c6", "continents" AS "c7", "arrests" AS "c8", "arrests_qualifier" AS "c9", "victims_rescued" AS "c10", "victims_rescued_qualifier" AS "c11", "migrants_identified" AS "c12", "migrants_identified_qualifier" AS "c13", "nationalities" AS "c14", "coordinator" AS "c15", "source" AS "c16", rowid AS "o" FROM "operations"),
  "s2" AS (SELECT * FROM "s1" WHERE ("c4" < CURRENT_DATE))
SELECT "c0" AS "name", "c1" AS "year", "c2" AS "stated_year", "c3" AS "dates", "c4" AS "start_date", "c5" AS "end_date", "c6" AS "countries", "c7" AS "continents", "c8" AS "arrests", "c9" AS "arrests_qualifier", "c10" AS "victims_rescued", "c11" AS "victims_rescued_qualifier", "c12" AS "migrants_identified", "c13" AS "migrants_identified_qualifier", "c14" AS "nationalities", "c15" AS "coordinator", "c16" AS "source" FROM "s2" ORDER BY "s2"."o";

> many join countries on country
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT * FROM "s1" WHERE ("c1" > CAST($1 AS BIGINT))),
  "s3" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", rowid AS "o" FROM "countries"),
  "s4" AS (SELECT "l"."c0" AS "c0", "l"."c1" AS "c1", "l"."c2" AS "c2", "l"."c3" AS "c3", "l"."c4" AS "c4", "l"."c5" AS "c5", "l"."c6" AS "c6", "l"."c7" AS "c7", "l"."c8" AS "c8", "l"."c9" AS "c9", "l"."c10" AS "c10", "r"."c1" AS "c11", "r"."c2" AS "c12", "r"."c3" AS "c13", "r"."c4" AS "c14", row_number() OVER (ORDER BY "l"."o", "r"."o") AS "o" FROM "s2" AS "l" JOIN "s3" AS "r" ON "l"."c0" = "r"."c0")
SELECT "c0" AS "country", "c1" AS "arrested", "c2" AS "suspects", "c3" AS "nationality", "c4" AS "offence", "c5" AS "place", "c6" AS "linked_operation", "c7" AS "notice", "c8" AS "notice_published_by", "c9" AS "allegation", "c10" AS "source", "c11" AS "iso2", "c12" AS "iso3", "c13" AS "continent", "c14" AS "countries_source" FROM "s4" ORDER BY "s4"."o";
-- 1: integer 2

> arrests select country, arrested union (victims select country, victims)
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT "c0" AS "c0", "c1" AS "c1", "o" FROM "s1"),
  "s3" AS (SELECT "country" AS "c0", "victims" AS "c1", "status" AS "c2", "nationality" AS "c3", "origin" AS "c4", "destination" AS "c5", "lure" AS "c6", "exploitation" AS "c7", "source" AS "c8", rowid AS "o" FROM "victims"),
  "s4" AS (SELECT "c0" AS "c0", "c1" AS "c1", "o" FROM "s3"),
  "s5" AS (SELECT "c0", "c1", "c2", "c3", row_number() OVER (ORDER BY "p", "o") AS "o" FROM (SELECT CAST(CAST($1 AS VARCHAR) AS VARCHAR) AS "c0", CAST("c0" AS VARCHAR) AS "c1", CAST("c1" AS BIGINT) AS "c2", CAST(NULL AS BIGINT) AS "c3", 0 AS "p", "o" FROM "s2" UNION ALL SELECT CAST(CAST($2 AS VARCHAR) AS VARCHAR) AS "c0", CAST("c0" AS VARCHAR) AS "c1", CAST(NULL AS BIGINT) AS "c2", CAST("c1" AS BIGINT) AS "c3", 1 AS "p", "o" FROM "s4") AS "u")
SELECT "c0" AS "collection", "c1" AS "country", "c2" AS "arrested", "c3" AS "victims" FROM "s5" ORDER BY "s5"."o";
-- 1: string arrests
-- 2: string victims

> arrests select country union distinct (victims select country)
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT "c0" AS "c0", "o" FROM "s1"),
  "s3" AS (SELECT "country" AS "c0", "victims" AS "c1", "status" AS "c2", "nationality" AS "c3", "origin" AS "c4", "destination" AS "c5", "lure" AS "c6", "exploitation" AS "c7", "source" AS "c8", rowid AS "o" FROM "victims"),
  "s4" AS (SELECT "c0" AS "c0", "o" FROM "s3"),
  "s5" AS (SELECT "c0", row_number() OVER (ORDER BY "p", "o") AS "o" FROM (SELECT CAST("c0" AS VARCHAR) AS "c0", 0 AS "p", "o" FROM "s2" UNION ALL SELECT CAST("c0" AS VARCHAR) AS "c0", 1 AS "p", "o" FROM "s4") AS "u"),
  "s6" AS (SELECT "c0", min("o") AS "o" FROM "s5" GROUP BY "c0")
SELECT "c0" AS "country" FROM "s6" ORDER BY "s6"."o";

> victims full join smuggling on country select country, victims, migrants
WITH "s1" AS (SELECT "country" AS "c0", "victims" AS "c1", "status" AS "c2", "nationality" AS "c3", "origin" AS "c4", "destination" AS "c5", "lure" AS "c6", "exploitation" AS "c7", "source" AS "c8", rowid AS "o" FROM "victims"),
  "s2" AS (SELECT "country" AS "c0", "migrants" AS "c1", "children" AS "c2", "suspects" AS "c3", "intercepted" AS "c4", "fee_usd" AS "c5", "destination" AS "c6", "details" AS "c7", "source" AS "c8", rowid AS "o" FROM "smuggling"),
  "s3" AS (SELECT (CASE WHEN "l"."o" IS NULL THEN "r"."c0" ELSE "l"."c0" END) AS "c0", "l"."c1" AS "c1", "l"."c2" AS "c2", "l"."c3" AS "c3", "l"."c4" AS "c4", "l"."c5" AS "c5", "l"."c6" AS "c6", "l"."c7" AS "c7", "l"."c8" AS "c8", "r"."c1" AS "c9", "r"."c2" AS "c10", "r"."c3" AS "c11", "r"."c4" AS "c12", "r"."c5" AS "c13", "r"."c6" AS "c14", "r"."c7" AS "c15", "r"."c8" AS "c16", row_number() OVER (ORDER BY (CASE WHEN "l"."o" IS NULL THEN 1 ELSE 0 END), "l"."o", "r"."o") AS "o" FROM "s1" AS "l" FULL JOIN "s2" AS "r" ON "l"."c0" = "r"."c0"),
  "s4" AS (SELECT "c0" AS "c0", "c1" AS "c1", "c9" AS "c2", "o" FROM "s3")
SELECT "c0" AS "country", "c1" AS "victims", "c2" AS "migrants" FROM "s4" ORDER BY "s4"."o";

> arrests semi join victims on country select country, arrested
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT "country" AS "c0", "victims" AS "c1", "status" AS "c2", "nationality" AS "c3", "origin" AS "c4", "destination" AS "c5", "lure" AS "c6", "exploitation" AS "c7", "source" AS "c8", 0 AS "o" FROM "victims"),
  "s3" AS (SELECT "l"."c0", "l"."c1", "l"."c2", "l"."c3", "l"."c4", "l"."c5", "l"."c6", "l"."c7", "l"."c8", "l"."c9", "l"."c10", "l"."o" FROM "s1" AS "l" WHERE EXISTS (SELECT 1 FROM "s2" AS "r" WHERE "l"."c0" = "r"."c0")),
  "s4" AS (SELECT "c0" AS "c0", "c1" AS "c1", "o" FROM "s3")
SELECT "c0" AS "country", "c1" AS "arrested" FROM "s4" ORDER BY "s4"."o";

> arrests anti join victims on country select country
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT "country" AS "c0", "victims" AS "c1", "status" AS "c2", "nationality" AS "c3", "origin" AS "c4", "destination" AS "c5", "lure" AS "c6", "exploitation" AS "c7", "source" AS "c8", 0 AS "o" FROM "victims"),
  "s3" AS (SELECT "l"."c0", "l"."c1", "l"."c2", "l"."c3", "l"."c4", "l"."c5", "l"."c6", "l"."c7", "l"."c8", "l"."c9", "l"."c10", "l"."o" FROM "s1" AS "l" WHERE NOT EXISTS (SELECT 1 FROM "s2" AS "r" WHERE "l"."c0" = "r"."c0")),
  "s4" AS (SELECT "c0" AS "c0", "o" FROM "s3")
SELECT "c0" AS "country" FROM "s4" ORDER BY "s4"."o";

> countries where country in (victims select country) and country not in (smuggling select country) select country
WITH "s1" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", rowid AS "o" FROM "countries"),
  "s2" AS (SELECT "country" AS "c0", "victims" AS "c1", "status" AS "c2", "nationality" AS "c3", "origin" AS "c4", "destination" AS "c5", "lure" AS "c6", "exploitation" AS "c7", "source" AS "c8", 0 AS "o" FROM "victims"),
  "s3" AS (SELECT "c0" AS "c0", "o" FROM "s2"),
  "s4" AS (SELECT "country" AS "c0", "migrants" AS "c1", "children" AS "c2", "suspects" AS "c3", "intercepted" AS "c4", "fee_usd" AS "c5", "destination" AS "c6", "details" AS "c7", "source" AS "c8", 0 AS "o" FROM "smuggling"),
  "s5" AS (SELECT "c0" AS "c0", "o" FROM "s4"),
  "s6" AS (SELECT * FROM "s1" WHERE (CASE WHEN ("c0" IN (SELECT "c0" FROM "s3")) THEN ("c0" NOT IN (SELECT "c0" FROM "s5")) ELSE FALSE END)),
  "s7" AS (SELECT "c0" AS "c0", "o" FROM "s6")
SELECT "c0" AS "country" FROM "s7" ORDER BY "s7"."o";

> arrests select country, arrested, n = row_number() over (by country sort by arrested desc), r = rank() over (sort by arrested), d = dense_rank() over (sort by arrested)
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT "c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", CAST(row_number() OVER (PARTITION BY "c0" ORDER BY "c1" DESC NULLS LAST, "o") AS BIGINT) AS "c11", CAST(rank() OVER (ORDER BY "c1" NULLS LAST) AS BIGINT) AS "c12", CAST(dense_rank() OVER (ORDER BY "c1" NULLS LAST) AS BIGINT) AS "c13", "o" FROM "s1"),
  "s3" AS (SELECT "c0" AS "c0", "c1" AS "c1", "c11" AS "c2", "c12" AS "c3", "c13" AS "c4", "o" FROM "s2")
SELECT "c0" AS "country", "c1" AS "arrested", "c2" AS "n", "c3" AS "r", "c4" AS "d" FROM "s3" ORDER BY "s3"."o";

> arrests select country, arrested, before = lag(arrested) over (sort by arrested), after = lead(arrested, 2) over (by country), total = sum(arrested) over (by country sort by arrested), most = max(country) over ()
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS MATERIALIZED (SELECT "c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", lag("c1", CAST(CAST($1 AS BIGINT) AS INTEGER)) OVER (ORDER BY "c1" NULLS LAST, "o") AS "c11", lead("c1", CAST(CAST($2 AS BIGINT) AS INTEGER)) OVER (PARTITION BY "c0" ORDER BY "o") AS "c12", CAST(sum("c1") OVER (PARTITION BY "c0" ORDER BY "c1" NULLS LAST) AS BIGINT) AS "c13", max("c0") OVER () AS "c14", "o" FROM "s1"),
  "s3" AS (SELECT "c0" AS "c0", "c1" AS "c1", "c11" AS "c2", "c12" AS "c3", "c13" AS "c4", "c14" AS "c5", "o" FROM "s2")
SELECT "c0" AS "country", "c1" AS "arrested", "c2" AS "before", "c3" AS "after", "c4" AS "total", "c5" AS "most" FROM "s3" ORDER BY "s3"."o";
-- 1: integer 1
-- 2: integer 2

> arrests pivot offence in ("human trafficking", "migrant smuggling") using sum(arrested) by country
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", 0 AS "o" FROM "arrests"),
  "s2" AS (SELECT *, "c0" AS "g0" FROM "s1"),
  "s3" AS MATERIALIZED (SELECT "g0" AS "c0", CAST(sum(CASE WHEN ("c4" = CAST($1 AS VARCHAR)) THEN "c1" END) AS BIGINT) AS "c1", CAST(sum(CASE WHEN ("c4" = CAST($2 AS VARCHAR)) THEN "c1" END) AS BIGINT) AS "c2", row_number() OVER (ORDER BY "g0" NULLS LAST) AS "o" FROM "s2" GROUP BY "g0")
SELECT "c0" AS "country", "c1" AS "human trafficking", "c2" AS "migrant smuggling" FROM "s3" ORDER BY "s3"."o";
-- 1: string human trafficking
-- 2: string migrant smuggling

> smuggling unpivot migrants, children into measure, people
WITH "s1" AS (SELECT "country" AS "c0", "migrants" AS "c1", "children" AS "c2", "suspects" AS "c3", "intercepted" AS "c4", "fee_usd" AS "c5", "destination" AS "c6", "details" AS "c7", "source" AS "c8", rowid AS "o" FROM "smuggling"),
  "s2" AS (SELECT "c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", row_number() OVER (ORDER BY "o", "q") AS "o" FROM (SELECT "c0" AS "c0", "c3" AS "c1", "c4" AS "c2", "c5" AS "c3", "c6" AS "c4", "c7" AS "c5", "c8" AS "c6", CAST(CAST($1 AS VARCHAR) AS VARCHAR) AS "c7", CAST("c1" AS BIGINT) AS "c8", "o", 0 AS "q" FROM "s1" WHERE "c1" IS NOT NULL UNION ALL SELECT "c0" AS "c0", "c3" AS "c1", "c4" AS "c2", "c5" AS "c3", "c6" AS "c4", "c7" AS "c5", "c8" AS "c6", CAST(CAST($2 AS VARCHAR) AS VARCHAR) AS "c7", CAST("c2" AS BIGINT) AS "c8", "o", 1 AS "q" FROM "s1" WHERE "c2" IS NOT NULL) AS "u")
SELECT "c0" AS "country", "c1" AS "suspects", "c2" AS "intercepted", "c3" AS "fee_usd", "c4" AS "destination", "c5" AS "details", "c6" AS "source", "c7" AS "measure", "c8" AS "people" FROM "s2" ORDER BY "s2"."o";
-- 1: string migrants
-- 2: string children

> arrests select a = int("12"), b = try_int(country), c = float(arrested), d = string(arrested), e = bool(arrested), f = date("2022-06-12"), g = string(arrested > 2)
constructs.wql:44:20: error[E1000]: no SQL yet for int() of string in duckdb
arrests select a = int("12"), b = try_int(country), c = float(arrested), d = string(arrested), e = bool(arrested), f = date("2022-06-12"), g = string(arrested >…
                   ^~~~~~~~~
help: duckdb has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> arrests select suspects, age = regex_extract(suspects, "([0-9]+)-year", 1)
constructs.wql:45:32: error[E1000]: no SQL yet for regex_extract() in duckdb
arrests select suspects, age = regex_extract(suspects, "([0-9]+)-year", 1)
                               ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
help: duckdb has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> arrests where arrested / 2 > 1.5 select country, half = arrested / 2 * 0.5
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS MATERIALIZED (SELECT * FROM "s1" WHERE ((CASE WHEN "c1" IS NULL OR CAST($1 AS BIGINT) IS NULL THEN NULL WHEN CAST($1 AS BIGINT) = 0 THEN error('division by zero') ELSE (CASE WHEN isinf((CAST("c1" AS DOUBLE) / CAST(CAST($1 AS BIGINT) AS DOUBLE))) THEN error('decimal out of range') ELSE (CAST("c1" AS DOUBLE) / CAST(CAST($1 AS BIGINT) AS DOUBLE)) END) END) > CAST($2 AS DOUBLE))),
  "s3" AS MATERIALIZED (SELECT "c0" AS "c0", (CASE WHEN isinf(((CASE WHEN "c1" IS NULL OR CAST($3 AS BIGINT) IS NULL THEN NULL WHEN CAST($3 AS BIGINT) = 0 THEN error('division by zero') ELSE (CASE WHEN isinf((CAST("c1" AS DOUBLE) / CAST(CAST($3 AS BIGINT) AS DOUBLE))) THEN error('decimal out of range') ELSE (CAST("c1" AS DOUBLE) / CAST(CAST($3 AS BIGINT) AS DOUBLE)) END) END) * CAST(CAST($4 AS DOUBLE) AS DOUBLE))) THEN error('decimal out of range') ELSE ((CASE WHEN "c1" IS NULL OR CAST($3 AS BIGINT) IS NULL THEN NULL WHEN CAST($3 AS BIGINT) = 0 THEN error('division by zero') ELSE (CASE WHEN isinf((CAST("c1" AS DOUBLE) / CAST(CAST($3 AS BIGINT) AS DOUBLE))) THEN error('decimal out of range') ELSE (CAST("c1" AS DOUBLE) / CAST(CAST($3 AS BIGINT) AS DOUBLE)) END) END) * CAST(CAST($4 AS DOUBLE) AS DOUBLE)) END) AS "c1", "o" FROM "s2")
SELECT "c0" AS "country", "c1" AS "half" FROM "s3" ORDER BY "s3"."o";
-- 1: integer 2
-- 2: float 1.5
-- 3: integer 2
-- 4: float 0.5
