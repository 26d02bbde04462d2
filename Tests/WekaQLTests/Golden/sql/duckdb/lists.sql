> countries select country, words = split(country, " "), n = length(split(country, " ")) | top 4 by n desc, country
WITH "s1" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", rowid AS "o" FROM "countries"),
  "s2" AS (SELECT "c0" AS "c0", (CASE WHEN "c0" IS NULL OR CAST($1 AS VARCHAR) IS NULL THEN NULL WHEN "c0" = '' AND CAST($1 AS VARCHAR) = '' THEN CAST([] AS VARCHAR[]) ELSE string_split("c0", CAST($1 AS VARCHAR)) END) AS "c1", CAST(len((CASE WHEN "c0" IS NULL OR CAST($2 AS VARCHAR) IS NULL THEN NULL WHEN "c0" = '' AND CAST($2 AS VARCHAR) = '' THEN CAST([] AS VARCHAR[]) ELSE string_split("c0", CAST($2 AS VARCHAR)) END)) AS BIGINT) AS "c2", "o" FROM "s1"),
  "s3" AS (SELECT "c0", "c1", "c2", "o", "c2" AS "k0", "c0" AS "k1" FROM "s2"),
  "s4" AS (SELECT * FROM "s3" ORDER BY "s3"."k0" DESC NULLS LAST, "s3"."k1" NULLS LAST, "s3"."o" LIMIT CAST($3 AS BIGINT))
SELECT "c0" AS "country", "c1" AS "words", "c2" AS "n" FROM "s4" ORDER BY "s4"."k0" DESC NULLS LAST, "s4"."k1" NULLS LAST, "s4"."o";
-- 1: string  
-- 2: string  
-- 3: integer 4

> countries where split(country, " ") contains "Republic" select country
WITH "s1" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", rowid AS "o" FROM "countries"),
  "s2" AS (SELECT * FROM "s1" WHERE (CASE WHEN (CASE WHEN "c0" IS NULL OR CAST($1 AS VARCHAR) IS NULL THEN NULL WHEN "c0" = '' AND CAST($1 AS VARCHAR) = '' THEN CAST([] AS VARCHAR[]) ELSE string_split("c0", CAST($1 AS VARCHAR)) END) IS NULL THEN NULL WHEN len((CASE WHEN "c0" IS NULL OR CAST($1 AS VARCHAR) IS NULL THEN NULL WHEN "c0" = '' AND CAST($1 AS VARCHAR) = '' THEN CAST([] AS VARCHAR[]) ELSE string_split("c0", CAST($1 AS VARCHAR)) END)) = 0 THEN FALSE WHEN CAST($2 AS VARCHAR) IS NULL THEN NULL ELSE coalesce(list_contains((CASE WHEN "c0" IS NULL OR CAST($1 AS VARCHAR) IS NULL THEN NULL WHEN "c0" = '' AND CAST($1 AS VARCHAR) = '' THEN CAST([] AS VARCHAR[]) ELSE string_split("c0", CAST($1 AS VARCHAR)) END), CAST($2 AS VARCHAR)), FALSE) END)),
  "s3" AS (SELECT "c0" AS "c0", "o" FROM "s2")
SELECT "c0" AS "country" FROM "s3" ORDER BY "s3"."o";
-- 1: string  
-- 2: string Republic

> countries where split(country, " ") contains "republic" count
WITH "s1" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", 0 AS "o" FROM "countries"),
  "s2" AS (SELECT * FROM "s1" WHERE (CASE WHEN (CASE WHEN "c0" IS NULL OR CAST($1 AS VARCHAR) IS NULL THEN NULL WHEN "c0" = '' AND CAST($1 AS VARCHAR) = '' THEN CAST([] AS VARCHAR[]) ELSE string_split("c0", CAST($1 AS VARCHAR)) END) IS NULL THEN NULL WHEN len((CASE WHEN "c0" IS NULL OR CAST($1 AS VARCHAR) IS NULL THEN NULL WHEN "c0" = '' AND CAST($1 AS VARCHAR) = '' THEN CAST([] AS VARCHAR[]) ELSE string_split("c0", CAST($1 AS VARCHAR)) END)) = 0 THEN FALSE WHEN CAST($2 AS VARCHAR) IS NULL THEN NULL ELSE coalesce(list_contains((CASE WHEN "c0" IS NULL OR CAST($1 AS VARCHAR) IS NULL THEN NULL WHEN "c0" = '' AND CAST($1 AS VARCHAR) = '' THEN CAST([] AS VARCHAR[]) ELSE string_split("c0", CAST($1 AS VARCHAR)) END), CAST($2 AS VARCHAR)), FALSE) END)),
  "s3" AS (SELECT count(*) AS "c0", 1 AS "o" FROM "s2")
SELECT "c0" AS "count" FROM "s3" ORDER BY "s3"."o";
-- 1: string  
-- 2: string republic

> arrests summarize countries = list(country), counts = list(arrested) by offence
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT *, "c4" AS "g0" FROM "s1"),
  "s3" AS (SELECT "g0" AS "c0", list("c0" ORDER BY "o") AS "c1", list("c1" ORDER BY "o") AS "c2", row_number() OVER (ORDER BY "g0" NULLS LAST) AS "o" FROM "s2" GROUP BY "g0")
SELECT "c0" AS "offence", "c1" AS "countries", "c2" AS "counts" FROM "s3" ORDER BY "s3"."o";

> countries extend words = split(country, " ") | unnest words | count by words | top 3 by count desc, words
WITH "s1" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", 0 AS "o" FROM "countries"),
  "s2" AS (SELECT "c0" AS "c0", "c1" AS "c1", "c2" AS "c2", "c3" AS "c3", "c4" AS "c4", (CASE WHEN "c0" IS NULL OR CAST($1 AS VARCHAR) IS NULL THEN NULL WHEN "c0" = '' AND CAST($1 AS VARCHAR) = '' THEN CAST([] AS VARCHAR[]) ELSE string_split("c0", CAST($1 AS VARCHAR)) END) AS "c5", "o" FROM "s1"),
  "s3" AS (SELECT "i"."c0" AS "c0", "i"."c1" AS "c1", "i"."c2" AS "c2", "i"."c3" AS "c3", "i"."c4" AS "c4", "u"."e" AS "c5", row_number() OVER (ORDER BY "i"."o", "u"."n") AS "o" FROM "s2" AS "i" CROSS JOIN LATERAL unnest("i"."c5") WITH ORDINALITY AS "u"("e", "n")),
  "s4" AS (SELECT *, "c5" AS "g0" FROM "s3"),
  "s5" AS (SELECT "g0" AS "c0", count(*) AS "c1", row_number() OVER (ORDER BY "g0" NULLS LAST) AS "o" FROM "s4" GROUP BY "g0"),
  "s6" AS (SELECT "c0", "c1", "o", "c1" AS "k0", "c0" AS "k1" FROM "s5"),
  "s7" AS (SELECT * FROM "s6" ORDER BY "s6"."k0" DESC NULLS LAST, "s6"."k1" NULLS LAST, "s6"."o" LIMIT CAST($2 AS BIGINT))
SELECT "c0" AS "words", "c1" AS "count" FROM "s7" ORDER BY "s7"."k0" DESC NULLS LAST, "s7"."k1" NULLS LAST, "s7"."o";
-- 1: string  
-- 2: integer 3

> countries select words = split(country, " ") | distinct | sort by words | limit 3
WITH "s1" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", rowid AS "o" FROM "countries"),
  "s2" AS (SELECT (CASE WHEN "c0" IS NULL OR CAST($1 AS VARCHAR) IS NULL THEN NULL WHEN "c0" = '' AND CAST($1 AS VARCHAR) = '' THEN CAST([] AS VARCHAR[]) ELSE string_split("c0", CAST($1 AS VARCHAR)) END) AS "c0", "o" FROM "s1"),
  "s3" AS (SELECT "c0" AS "c0", min("o") AS "o" FROM "s2" GROUP BY "c0"),
  "s4" AS (SELECT "c0", "o", "c0" AS "k0" FROM "s3"),
  "s5" AS (SELECT * FROM "s4" ORDER BY "s4"."k0" NULLS LAST, "s4"."o" LIMIT CAST($2 AS BIGINT))
SELECT "c0" AS "words" FROM "s5" ORDER BY "s5"."k0" NULLS LAST, "s5"."o";
-- 1: string  
-- 2: integer 3

> arrests summarize people = list(arrested) by offence | where people contains 34 select offence
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT *, "c4" AS "g0" FROM "s1"),
  "s3" AS (SELECT "g0" AS "c0", list("c1" ORDER BY "o") AS "c1", row_number() OVER (ORDER BY "g0" NULLS LAST) AS "o" FROM "s2" GROUP BY "g0"),
  "s4" AS (SELECT * FROM "s3" WHERE (CASE WHEN "c1" IS NULL THEN NULL WHEN len("c1") = 0 THEN FALSE WHEN CAST($1 AS BIGINT) IS NULL THEN NULL ELSE coalesce(list_contains("c1", CAST($1 AS BIGINT)), FALSE) END)),
  "s5" AS (SELECT "c0" AS "c0", "o" FROM "s4")
SELECT "c0" AS "offence" FROM "s5" ORDER BY "s5"."o";
-- 1: integer 34

> countries select country, parts = split(country, "") | where length(parts) <= 4
WITH "s1" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", rowid AS "o" FROM "countries"),
  "s2" AS (SELECT "c0" AS "c0", (CASE WHEN "c0" IS NULL OR CAST($1 AS VARCHAR) IS NULL THEN NULL WHEN "c0" = '' AND CAST($1 AS VARCHAR) = '' THEN CAST([] AS VARCHAR[]) ELSE string_split("c0", CAST($1 AS VARCHAR)) END) AS "c1", "o" FROM "s1"),
  "s3" AS (SELECT * FROM "s2" WHERE (CAST(len("c1") AS BIGINT) <= CAST($2 AS BIGINT)))
SELECT "c0" AS "country", "c1" AS "parts" FROM "s3" ORDER BY "s3"."o";
-- 1: string 
-- 2: integer 4

> captions select pieces = split("a,,b", ",") | limit 1
WITH "s1" AS (SELECT "number" AS "c0", "caption" AS "c1", "country" AS "c2", "source" AS "c3", rowid AS "o" FROM "captions"),
  "s2" AS (SELECT (CASE WHEN CAST($1 AS VARCHAR) IS NULL OR CAST($2 AS VARCHAR) IS NULL THEN NULL WHEN CAST($1 AS VARCHAR) = '' AND CAST($2 AS VARCHAR) = '' THEN CAST([] AS VARCHAR[]) ELSE string_split(CAST($1 AS VARCHAR), CAST($2 AS VARCHAR)) END) AS "c0", "o" FROM "s1"),
  "s3" AS (SELECT * FROM "s2" ORDER BY "o" LIMIT CAST($3 AS BIGINT))
SELECT "c0" AS "pieces" FROM "s3" ORDER BY "s3"."o";
-- 1: string a,,b
-- 2: string ,
-- 3: integer 1
