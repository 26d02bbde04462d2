> arrests join countries on country | count by continent
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", 0 AS "o" FROM "arrests"),
  "s2" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", 0 AS "o" FROM "countries"),
  "s3" AS (SELECT "l"."c0" AS "c0", "l"."c1" AS "c1", "l"."c2" AS "c2", "l"."c3" AS "c3", "l"."c4" AS "c4", "l"."c5" AS "c5", "l"."c6" AS "c6", "l"."c7" AS "c7", "l"."c8" AS "c8", "l"."c9" AS "c9", "l"."c10" AS "c10", "r"."c1" AS "c11", "r"."c2" AS "c12", "r"."c3" AS "c13", "r"."c4" AS "c14", row_number() OVER (ORDER BY "l"."o", "r"."o") AS "o" FROM "s1" AS "l" JOIN "s2" AS "r" ON "l"."c0" = "r"."c0"),
  "s4" AS (SELECT *, "c13" AS "g0" FROM "s3"),
  "s5" AS (SELECT "g0" AS "c0", count(*) AS "c1", row_number() OVER (ORDER BY "g0" NULLS LAST) AS "o" FROM "s4" GROUP BY "g0")
SELECT "c0" AS "continent", "c1" AS "count" FROM "s5" ORDER BY "s5"."o";

> arrests where arrested > 2 join countries on country select country, iso3, continent
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT * FROM "s1" WHERE ("c1" > CAST($1 AS BIGINT))),
  "s3" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", rowid AS "o" FROM "countries"),
  "s4" AS (SELECT "l"."c0" AS "c0", "l"."c1" AS "c1", "l"."c2" AS "c2", "l"."c3" AS "c3", "l"."c4" AS "c4", "l"."c5" AS "c5", "l"."c6" AS "c6", "l"."c7" AS "c7", "l"."c8" AS "c8", "l"."c9" AS "c9", "l"."c10" AS "c10", "r"."c1" AS "c11", "r"."c2" AS "c12", "r"."c3" AS "c13", "r"."c4" AS "c14", row_number() OVER (ORDER BY "l"."o", "r"."o") AS "o" FROM "s2" AS "l" JOIN "s3" AS "r" ON "l"."c0" = "r"."c0"),
  "s5" AS (SELECT "c0" AS "c0", "c12" AS "c1", "c13" AS "c2", "o" FROM "s4")
SELECT "c0" AS "country", "c1" AS "iso3", "c2" AS "continent" FROM "s5" ORDER BY "s5"."o";
-- 1: integer 2

> arrests left join victims on country select country, arrested, victims, origin
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT "country" AS "c0", "victims" AS "c1", "status" AS "c2", "nationality" AS "c3", "origin" AS "c4", "destination" AS "c5", "lure" AS "c6", "exploitation" AS "c7", "source" AS "c8", rowid AS "o" FROM "victims"),
  "s3" AS (SELECT "l"."c0" AS "c0", "l"."c1" AS "c1", "l"."c2" AS "c2", "l"."c3" AS "c3", "l"."c4" AS "c4", "l"."c5" AS "c5", "l"."c6" AS "c6", "l"."c7" AS "c7", "l"."c8" AS "c8", "l"."c9" AS "c9", "l"."c10" AS "c10", "r"."c1" AS "c11", "r"."c2" AS "c12", "r"."c3" AS "c13", "r"."c4" AS "c14", "r"."c5" AS "c15", "r"."c6" AS "c16", "r"."c7" AS "c17", "r"."c8" AS "c18", row_number() OVER (ORDER BY "l"."o", "r"."o") AS "o" FROM "s1" AS "l" LEFT JOIN "s2" AS "r" ON "l"."c0" = "r"."c0"),
  "s4" AS (SELECT "c0" AS "c0", "c1" AS "c1", "c11" AS "c2", "c14" AS "c3", "o" FROM "s3")
SELECT "c0" AS "country", "c1" AS "arrested", "c2" AS "victims", "c3" AS "origin" FROM "s4" ORDER BY "s4"."o";

> arrests join countries on country | limit 0
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", rowid AS "o" FROM "countries"),
  "s3" AS (SELECT "l"."c0" AS "c0", "l"."c1" AS "c1", "l"."c2" AS "c2", "l"."c3" AS "c3", "l"."c4" AS "c4", "l"."c5" AS "c5", "l"."c6" AS "c6", "l"."c7" AS "c7", "l"."c8" AS "c8", "l"."c9" AS "c9", "l"."c10" AS "c10", "r"."c1" AS "c11", "r"."c2" AS "c12", "r"."c3" AS "c13", "r"."c4" AS "c14", row_number() OVER (ORDER BY "l"."o", "r"."o") AS "o" FROM "s1" AS "l" JOIN "s2" AS "r" ON "l"."c0" = "r"."c0"),
  "s4" AS (SELECT * FROM "s3" ORDER BY "o" LIMIT CAST($1 AS BIGINT))
SELECT "c0" AS "country", "c1" AS "arrested", "c2" AS "suspects", "c3" AS "nationality", "c4" AS "offence", "c5" AS "place", "c6" AS "linked_operation", "c7" AS "notice", "c8" AS "notice_published_by", "c9" AS "allegation", "c10" AS "source", "c11" AS "iso2", "c12" AS "iso3", "c13" AS "continent", "c14" AS "countries_source" FROM "s4" ORDER BY "s4"."o";
-- 1: integer 0
