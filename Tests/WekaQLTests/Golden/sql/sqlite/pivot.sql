> arrests pivot offence in ("human trafficking", "migrant smuggling") using count() by country | top 5 by `human trafficking` desc, country
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", 0 AS "o" FROM "arrests"),
  "s2" AS (SELECT *, "c0" AS "g0" FROM "s1"),
  "s3" AS (SELECT "g0" AS "c0", count(CASE WHEN ("c4" = ?1) THEN 1 END) AS "c1", count(CASE WHEN ("c4" = ?2) THEN 1 END) AS "c2", row_number() OVER (ORDER BY "g0" COLLATE BINARY NULLS LAST) AS "o" FROM "s2" GROUP BY "g0"),
  "s4" AS (SELECT "c0", "c1", "c2", "o", "c1" AS "k0", "c0" AS "k1" FROM "s3"),
  "s5" AS (SELECT * FROM "s4" ORDER BY "s4"."k0" DESC NULLS LAST, "s4"."k1" COLLATE BINARY NULLS LAST, "s4"."o" LIMIT ?3)
SELECT "c0" AS "country", "c1" AS "human trafficking", "c2" AS "migrant smuggling" FROM "s5" ORDER BY "s5"."k0" DESC NULLS LAST, "s5"."k1" COLLATE BINARY NULLS LAST, "s5"."o";
-- 1: string human trafficking
-- 2: string migrant smuggling
-- 3: integer 5

> arrests join countries on country | pivot continent using sum(arrested)
pivot.wql:3:37: error[E1000]: no SQL yet for pivot without in (…) in sqlite
arrests join countries on country | pivot continent using sum(arrested)
                                    ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
help: sqlite has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> arrests join countries on country | pivot offence using sum(arrested) by continent | sort by continent desc
pivot.wql:4:37: error[E1000]: no SQL yet for pivot without in (…) in sqlite
arrests join countries on country | pivot offence using sum(arrested) by continent | sort by continent desc
                                    ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
help: sqlite has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> smuggling unpivot migrants, children into measure, people | limit 6
WITH "s1" AS (SELECT "country" AS "c0", "migrants" AS "c1", "children" AS "c2", "suspects" AS "c3", "intercepted" AS "c4", "fee_usd" AS "c5", "destination" AS "c6", "details" AS "c7", "source" AS "c8", rowid AS "o" FROM "smuggling"),
  "s2" AS (SELECT "c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", row_number() OVER (ORDER BY "o", "q") AS "o" FROM (SELECT "c0" AS "c0", "c3" AS "c1", "c4" AS "c2", "c5" AS "c3", "c6" AS "c4", "c7" AS "c5", "c8" AS "c6", CAST(?1 AS TEXT) AS "c7", CAST("c1" AS INTEGER) AS "c8", "o", 0 AS "q" FROM "s1" WHERE "c1" IS NOT NULL UNION ALL SELECT "c0" AS "c0", "c3" AS "c1", "c4" AS "c2", "c5" AS "c3", "c6" AS "c4", "c7" AS "c5", "c8" AS "c6", CAST(?2 AS TEXT) AS "c7", CAST("c2" AS INTEGER) AS "c8", "o", 1 AS "q" FROM "s1" WHERE "c2" IS NOT NULL) AS "u"),
  "s3" AS (SELECT * FROM "s2" ORDER BY "o" LIMIT ?3)
SELECT "c0" AS "country", "c1" AS "suspects", "c2" AS "intercepted", "c3" AS "fee_usd", "c4" AS "destination", "c5" AS "details", "c6" AS "source", "c7" AS "measure", "c8" AS "people" FROM "s3" ORDER BY "s3"."o";
-- 1: string migrants
-- 2: string children
-- 3: integer 6
