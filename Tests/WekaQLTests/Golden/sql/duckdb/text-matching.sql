> countries where country =~ "cote d'ivoire" select country, iso2, iso3
WITH "s1" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", rowid AS "o" FROM "countries"),
  "s2" AS (SELECT * FROM "s1" WHERE (translate(lower(strip_accents("c0")), 'øłđħŧıŀ‘’ʼ', 'oldhtil''''''') = translate(lower(strip_accents(CAST($1 AS VARCHAR))), 'øłđħŧıŀ‘’ʼ', 'oldhtil'''''''))),
  "s3" AS (SELECT "c0" AS "c0", "c1" AS "c1", "c2" AS "c2", "o" FROM "s2")
SELECT "c0" AS "country", "c1" AS "iso2", "c2" AS "iso3" FROM "s3" ORDER BY "s3"."o";
-- 1: string Côte d'Ivoire

> arrests where suspects contains "MAN" select country, suspects
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT * FROM "s1" WHERE contains(translate(lower(strip_accents("c2")), 'øłđħŧıŀ‘’ʼ', 'oldhtil'''''''), translate(lower(strip_accents(CAST($1 AS VARCHAR))), 'øłđħŧıŀ‘’ʼ', 'oldhtil'''''''))),
  "s3" AS (SELECT "c0" AS "c0", "c2" AS "c1", "o" FROM "s2")
SELECT "c0" AS "country", "c1" AS "suspects" FROM "s3" ORDER BY "s3"."o";
-- 1: string MAN

> countries where country starts with "guinea" or country ends with "LAND" select country sort by country
WITH "s1" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", rowid AS "o" FROM "countries"),
  "s2" AS (SELECT * FROM "s1" WHERE (CASE WHEN starts_with(translate(lower(strip_accents("c0")), 'øłđħŧıŀ‘’ʼ', 'oldhtil'''''''), translate(lower(strip_accents(CAST($1 AS VARCHAR))), 'øłđħŧıŀ‘’ʼ', 'oldhtil''''''')) THEN TRUE ELSE ends_with(translate(lower(strip_accents("c0")), 'øłđħŧıŀ‘’ʼ', 'oldhtil'''''''), translate(lower(strip_accents(CAST($2 AS VARCHAR))), 'øłđħŧıŀ‘’ʼ', 'oldhtil''''''')) END)),
  "s3" AS (SELECT "c0" AS "c0", "o" FROM "s2"),
  "s4" AS (SELECT "c0", "o", "c0" AS "k0" FROM "s3")
SELECT "c0" AS "country" FROM "s4" ORDER BY "s4"."k0" NULLS LAST, "s4"."o";
-- 1: string guinea
-- 2: string LAND

> countries where iso3 matches "^[A-C].A$" select country, iso3
WITH "s1" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", rowid AS "o" FROM "countries"),
  "s2" AS (SELECT * FROM "s1" WHERE regexp_matches("c2", CAST($1 AS VARCHAR))),
  "s3" AS (SELECT "c0" AS "c0", "c2" AS "c1", "o" FROM "s2")
SELECT "c0" AS "country", "c1" AS "iso3" FROM "s3" ORDER BY "s3"."o";
-- 1: string ^[A-C].A$

> countries where country in ("Togo", "Gambia", "Greece") select country, continent
WITH "s1" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", rowid AS "o" FROM "countries"),
  "s2" AS (SELECT * FROM "s1" WHERE ("c0" IN (CAST($1 AS VARCHAR), CAST($2 AS VARCHAR), CAST($3 AS VARCHAR)))),
  "s3" AS (SELECT "c0" AS "c0", "c3" AS "c1", "o" FROM "s2")
SELECT "c0" AS "country", "c1" AS "continent" FROM "s3" ORDER BY "s3"."o";
-- 1: string Togo
-- 2: string Gambia
-- 3: string Greece

> countries where continent not in ("Africa") select country, continent sort by continent, country
WITH "s1" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", rowid AS "o" FROM "countries"),
  "s2" AS (SELECT * FROM "s1" WHERE ("c3" NOT IN (CAST($1 AS VARCHAR)))),
  "s3" AS (SELECT "c0" AS "c0", "c3" AS "c1", "o" FROM "s2"),
  "s4" AS (SELECT "c0", "c1", "o", "c1" AS "k0", "c0" AS "k1" FROM "s3")
SELECT "c0" AS "country", "c1" AS "continent" FROM "s4" ORDER BY "s4"."k0" NULLS LAST, "s4"."k1" NULLS LAST, "s4"."o";
-- 1: string Africa
