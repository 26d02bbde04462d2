> arrests select country, price = arrested * 1.50, share = arrested + 0.25, less = 2.5 - arrested, neg = -(arrested * 0.1)
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS MATERIALIZED (SELECT "c0" AS "c0", (CASE WHEN abs((CAST("c1" AS DECIMAL(19, 0)) * CAST($1 AS DECIMAL(18, 2)))) > 92233720368547758.07 THEN error('decimal out of range') ELSE CAST((CAST("c1" AS DECIMAL(19, 0)) * CAST($1 AS DECIMAL(18, 2))) AS DECIMAL(19, 2)) END) AS "c1", (CASE WHEN abs((CAST("c1" AS DECIMAL(19, 0)) + CAST($2 AS DECIMAL(18, 2)))) > 92233720368547758.07 THEN error('decimal out of range') ELSE CAST((CAST("c1" AS DECIMAL(19, 0)) + CAST($2 AS DECIMAL(18, 2))) AS DECIMAL(19, 2)) END) AS "c2", (CASE WHEN abs((CAST($3 AS DECIMAL(18, 1)) - CAST("c1" AS DECIMAL(19, 0)))) > 922337203685477580.7 THEN error('decimal out of range') ELSE CAST((CAST($3 AS DECIMAL(18, 1)) - CAST("c1" AS DECIMAL(19, 0))) AS DECIMAL(19, 1)) END) AS "c3", (CASE WHEN abs((- (CASE WHEN abs((CAST("c1" AS DECIMAL(19, 0)) * CAST($4 AS DECIMAL(18, 1)))) > 922337203685477580.7 THEN error('decimal out of range') ELSE CAST((CAST("c1" AS DECIMAL(19, 0)) * CAST($4 AS DECIMAL(18, 1))) AS DECIMAL(19, 1)) END))) > 922337203685477580.7 THEN error('decimal out of range') ELSE CAST((- (CASE WHEN abs((CAST("c1" AS DECIMAL(19, 0)) * CAST($4 AS DECIMAL(18, 1)))) > 922337203685477580.7 THEN error('decimal out of range') ELSE CAST((CAST("c1" AS DECIMAL(19, 0)) * CAST($4 AS DECIMAL(18, 1))) AS DECIMAL(19, 1)) END)) AS DECIMAL(19, 1)) END) AS "c4", "o" FROM "s1")
SELECT "c0" AS "country", "c1" AS "price", "c2" AS "share", "c3" AS "less", "c4" AS "neg" FROM "s2" ORDER BY "s2"."o";
-- 1: decimal 1.50
-- 2: decimal 0.25
-- 3: decimal 2.5
-- 4: decimal 0.1

> arrests select country, third = arrested / 3.0, precise = 1.0 / 3, exact = 12.30 / 3, big = arrested * 10.5 / 4, whole = 10 / 4.0
types.wql:4:33: error[E1000]: no SQL yet for an exact decimal in duckdb
arrests select country, third = arrested / 3.0, precise = 1.0 / 3, exact = 12.30 / 3, big = arrested * 10.5 / 4, whole = 10 / 4.0
                                ^~~~~~~~~~~~~~
help: duckdb has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> arrests select rest = arrested % 1.5, r = round(arrested * 1.005, 2), r0 = round(arrested / 7.0, 0), keep = round(arrested * 1.5, 3), a = abs(arrested * -1.25)
types.wql:5:76: error[E1000]: no SQL yet for an exact decimal in duckdb
arrests select rest = arrested % 1.5, r = round(arrested * 1.005, 2), r0 = round(arrested / 7.0, 0), keep = round(arrested * 1.5, 3), a = abs(arrested * -1.25)
                                                                           ^~~~~~~~~~~~~~~~~~~~~~~~
help: duckdb has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> arrests summarize total = sum(arrested * 1.10), mean = avg(arrested * 1.0), low = min(arrested * 0.5), high = max(arrested + 0.5) by offence
types.wql:6:56: error[E1000]: no SQL yet for avg() of an exact decimal in duckdb
arrests summarize total = sum(arrested * 1.10), mean = avg(arrested * 1.0), low = min(arrested * 0.5), high = max(arrested + 0.5) by offence
                                                       ^~~~~~~~~~~~~~~~~~~
help: duckdb has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> arrests select d = decimal(arrested), i = int(arrested * 1.5), f = float(arrested * 0.1), s = string(arrested * 1.50), b = bool(arrested * 0.5), t = country || " " || arrested * 1.5
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS MATERIALIZED (SELECT CAST("c1" AS DECIMAL(19, 0)) AS "c0", CAST((CASE WHEN abs((CAST("c1" AS DECIMAL(19, 0)) * CAST($1 AS DECIMAL(18, 1)))) > 922337203685477580.7 THEN error('decimal out of range') ELSE CAST((CAST("c1" AS DECIMAL(19, 0)) * CAST($1 AS DECIMAL(18, 1))) AS DECIMAL(19, 1)) END) AS BIGINT) AS "c1", CAST((CASE WHEN abs((CAST("c1" AS DECIMAL(19, 0)) * CAST($2 AS DECIMAL(18, 1)))) > 922337203685477580.7 THEN error('decimal out of range') ELSE CAST((CAST("c1" AS DECIMAL(19, 0)) * CAST($2 AS DECIMAL(18, 1))) AS DECIMAL(19, 1)) END) AS DOUBLE) AS "c2", CAST((CASE WHEN abs((CAST("c1" AS DECIMAL(19, 0)) * CAST($3 AS DECIMAL(18, 2)))) > 92233720368547758.07 THEN error('decimal out of range') ELSE CAST((CAST("c1" AS DECIMAL(19, 0)) * CAST($3 AS DECIMAL(18, 2))) AS DECIMAL(19, 2)) END) AS VARCHAR) AS "c3", ((CASE WHEN abs((CAST("c1" AS DECIMAL(19, 0)) * CAST($4 AS DECIMAL(18, 1)))) > 922337203685477580.7 THEN error('decimal out of range') ELSE CAST((CAST("c1" AS DECIMAL(19, 0)) * CAST($4 AS DECIMAL(18, 1))) AS DECIMAL(19, 1)) END) <> 0) AS "c4", (("c0" || CAST($5 AS VARCHAR)) || CAST((CASE WHEN abs((CAST("c1" AS DECIMAL(19, 0)) * CAST($6 AS DECIMAL(18, 1)))) > 922337203685477580.7 THEN error('decimal out of range') ELSE CAST((CAST("c1" AS DECIMAL(19, 0)) * CAST($6 AS DECIMAL(18, 1))) AS DECIMAL(19, 1)) END) AS VARCHAR)) AS "c5", "o" FROM "s1")
SELECT "c0" AS "d", "c1" AS "i", "c2" AS "f", "c3" AS "s", "c4" AS "b", "c5" AS "t" FROM "s2" ORDER BY "s2"."o";
-- 1: decimal 1.5
-- 2: decimal 0.1
-- 3: decimal 1.50
-- 4: decimal 0.5
-- 5: string  
-- 6: decimal 1.5

> arrests where arrested * 1.5 > 3 and arrested * 0.5 != 1.0 select country, c = coalesce(arrested * 1.5, 0), k = if(arrested > 2, 1.25, 2)
types.wql:8:80: error[E1000]: no SQL yet for an exact decimal in duckdb
arrests where arrested * 1.5 > 3 and arrested * 0.5 != 1.0 select country, c = coalesce(arrested * 1.5, 0), k = if(arrested > 2, 1.25, 2)
                                                                               ^~~~~~~~~~~~~~~~~~~~~~~~~~~
help: duckdb has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> countries select country, words = split(country, " ")
WITH "s1" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", rowid AS "o" FROM "countries"),
  "s2" AS (SELECT "c0" AS "c0", (CASE WHEN "c0" IS NULL OR CAST($1 AS VARCHAR) IS NULL THEN NULL WHEN "c0" = '' AND CAST($1 AS VARCHAR) = '' THEN CAST([] AS VARCHAR[]) ELSE string_split("c0", CAST($1 AS VARCHAR)) END) AS "c1", "o" FROM "s1")
SELECT "c0" AS "country", "c1" AS "words" FROM "s2" ORDER BY "s2"."o";
-- 1: string  

> countries select country, n = length(split(country, " ")), letters = split(country, ""), empty = split("", ",")
WITH "s1" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", rowid AS "o" FROM "countries"),
  "s2" AS (SELECT "c0" AS "c0", CAST(len((CASE WHEN "c0" IS NULL OR CAST($1 AS VARCHAR) IS NULL THEN NULL WHEN "c0" = '' AND CAST($1 AS VARCHAR) = '' THEN CAST([] AS VARCHAR[]) ELSE string_split("c0", CAST($1 AS VARCHAR)) END)) AS BIGINT) AS "c1", (CASE WHEN "c0" IS NULL OR CAST($2 AS VARCHAR) IS NULL THEN NULL WHEN "c0" = '' AND CAST($2 AS VARCHAR) = '' THEN CAST([] AS VARCHAR[]) ELSE string_split("c0", CAST($2 AS VARCHAR)) END) AS "c2", (CASE WHEN CAST($3 AS VARCHAR) IS NULL OR CAST($4 AS VARCHAR) IS NULL THEN NULL WHEN CAST($3 AS VARCHAR) = '' AND CAST($4 AS VARCHAR) = '' THEN CAST([] AS VARCHAR[]) ELSE string_split(CAST($3 AS VARCHAR), CAST($4 AS VARCHAR)) END) AS "c3", "o" FROM "s1")
SELECT "c0" AS "country", "c1" AS "n", "c2" AS "letters", "c3" AS "empty" FROM "s2" ORDER BY "s2"."o";
-- 1: string  
-- 2: string 
-- 3: string 
-- 4: string ,

> countries where split(country, " ") contains "Republic" select country
WITH "s1" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", rowid AS "o" FROM "countries"),
  "s2" AS (SELECT * FROM "s1" WHERE (CASE WHEN (CASE WHEN "c0" IS NULL OR CAST($1 AS VARCHAR) IS NULL THEN NULL WHEN "c0" = '' AND CAST($1 AS VARCHAR) = '' THEN CAST([] AS VARCHAR[]) ELSE string_split("c0", CAST($1 AS VARCHAR)) END) IS NULL THEN NULL WHEN len((CASE WHEN "c0" IS NULL OR CAST($1 AS VARCHAR) IS NULL THEN NULL WHEN "c0" = '' AND CAST($1 AS VARCHAR) = '' THEN CAST([] AS VARCHAR[]) ELSE string_split("c0", CAST($1 AS VARCHAR)) END)) = 0 THEN FALSE WHEN CAST($2 AS VARCHAR) IS NULL THEN NULL ELSE coalesce(list_contains((CASE WHEN "c0" IS NULL OR CAST($1 AS VARCHAR) IS NULL THEN NULL WHEN "c0" = '' AND CAST($1 AS VARCHAR) = '' THEN CAST([] AS VARCHAR[]) ELSE string_split("c0", CAST($1 AS VARCHAR)) END), CAST($2 AS VARCHAR)), FALSE) END)),
  "s3" AS (SELECT "c0" AS "c0", "o" FROM "s2")
SELECT "c0" AS "country" FROM "s3" ORDER BY "s3"."o";
-- 1: string  
-- 2: string Republic

> countries extend words = split(country, " ") | unnest words | count by words
WITH "s1" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", 0 AS "o" FROM "countries"),
  "s2" AS (SELECT "c0" AS "c0", "c1" AS "c1", "c2" AS "c2", "c3" AS "c3", "c4" AS "c4", (CASE WHEN "c0" IS NULL OR CAST($1 AS VARCHAR) IS NULL THEN NULL WHEN "c0" = '' AND CAST($1 AS VARCHAR) = '' THEN CAST([] AS VARCHAR[]) ELSE string_split("c0", CAST($1 AS VARCHAR)) END) AS "c5", "o" FROM "s1"),
  "s3" AS (SELECT "i"."c0" AS "c0", "i"."c1" AS "c1", "i"."c2" AS "c2", "i"."c3" AS "c3", "i"."c4" AS "c4", "u"."e" AS "c5", row_number() OVER (ORDER BY "i"."o", "u"."n") AS "o" FROM "s2" AS "i" CROSS JOIN LATERAL unnest("i"."c5") WITH ORDINALITY AS "u"("e", "n")),
  "s4" AS (SELECT *, "c5" AS "g0" FROM "s3"),
  "s5" AS (SELECT "g0" AS "c0", count(*) AS "c1", row_number() OVER (ORDER BY "g0" NULLS LAST) AS "o" FROM "s4" GROUP BY "g0")
SELECT "c0" AS "words", "c1" AS "count" FROM "s5" ORDER BY "s5"."o";
-- 1: string  

> arrests summarize countries = list(country), counts = list(arrested) by offence
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT *, "c4" AS "g0" FROM "s1"),
  "s3" AS (SELECT "g0" AS "c0", list("c0" ORDER BY "o") AS "c1", list("c1" ORDER BY "o") AS "c2", row_number() OVER (ORDER BY "g0" NULLS LAST) AS "o" FROM "s2" GROUP BY "g0")
SELECT "c0" AS "offence", "c1" AS "countries", "c2" AS "counts" FROM "s3" ORDER BY "s3"."o";

> arrests summarize all = list(suspects)
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT list("c2" ORDER BY "o") AS "c0", 1 AS "o" FROM "s1")
SELECT "c0" AS "all" FROM "s2" ORDER BY "s2"."o";

> countries select words = split(country, " ") | sort by words desc | limit 5
WITH "s1" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", rowid AS "o" FROM "countries"),
  "s2" AS (SELECT (CASE WHEN "c0" IS NULL OR CAST($1 AS VARCHAR) IS NULL THEN NULL WHEN "c0" = '' AND CAST($1 AS VARCHAR) = '' THEN CAST([] AS VARCHAR[]) ELSE string_split("c0", CAST($1 AS VARCHAR)) END) AS "c0", "o" FROM "s1"),
  "s3" AS (SELECT "c0", "o", "c0" AS "k0" FROM "s2"),
  "s4" AS (SELECT * FROM "s3" ORDER BY "s3"."k0" DESC NULLS LAST, "s3"."o" LIMIT CAST($2 AS BIGINT))
SELECT "c0" AS "words" FROM "s4" ORDER BY "s4"."k0" DESC NULLS LAST, "s4"."o";
-- 1: string  
-- 2: integer 5

> countries select words = split(country, "a") | distinct words | sort by words
WITH "s1" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", rowid AS "o" FROM "countries"),
  "s2" AS (SELECT (CASE WHEN "c0" IS NULL OR CAST($1 AS VARCHAR) IS NULL THEN NULL WHEN "c0" = '' AND CAST($1 AS VARCHAR) = '' THEN CAST([] AS VARCHAR[]) ELSE string_split("c0", CAST($1 AS VARCHAR)) END) AS "c0", "o" FROM "s1"),
  "s3" AS (SELECT "c0" AS "c0", min("o") AS "o" FROM "s2" GROUP BY "c0"),
  "s4" AS (SELECT "c0", "o", "c0" AS "k0" FROM "s3")
SELECT "c0" AS "words" FROM "s4" ORDER BY "s4"."k0" NULLS LAST, "s4"."o";
-- 1: string a
