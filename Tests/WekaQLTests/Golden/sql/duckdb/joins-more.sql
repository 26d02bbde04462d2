> arrests join victims on country, nationality select country, nationality, arrested, victims
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT "country" AS "c0", "victims" AS "c1", "status" AS "c2", "nationality" AS "c3", "origin" AS "c4", "destination" AS "c5", "lure" AS "c6", "exploitation" AS "c7", "source" AS "c8", rowid AS "o" FROM "victims"),
  "s3" AS (SELECT "l"."c0" AS "c0", "l"."c1" AS "c1", "l"."c2" AS "c2", "l"."c3" AS "c3", "l"."c4" AS "c4", "l"."c5" AS "c5", "l"."c6" AS "c6", "l"."c7" AS "c7", "l"."c8" AS "c8", "l"."c9" AS "c9", "l"."c10" AS "c10", "r"."c1" AS "c11", "r"."c2" AS "c12", "r"."c4" AS "c13", "r"."c5" AS "c14", "r"."c6" AS "c15", "r"."c7" AS "c16", "r"."c8" AS "c17", row_number() OVER (ORDER BY "l"."o", "r"."o") AS "o" FROM "s1" AS "l" JOIN "s2" AS "r" ON "l"."c0" = "r"."c0" AND "l"."c3" = "r"."c3"),
  "s4" AS (SELECT "c0" AS "c0", "c3" AS "c1", "c1" AS "c2", "c11" AS "c3", "o" FROM "s3")
SELECT "c0" AS "country", "c1" AS "nationality", "c2" AS "arrested", "c3" AS "victims" FROM "s4" ORDER BY "s4"."o";

> arrests left join victims on country = country and nationality = nationality select country, nationality, victims
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT "country" AS "c0", "victims" AS "c1", "status" AS "c2", "nationality" AS "c3", "origin" AS "c4", "destination" AS "c5", "lure" AS "c6", "exploitation" AS "c7", "source" AS "c8", rowid AS "o" FROM "victims"),
  "s3" AS (SELECT "l"."c0" AS "c0", "l"."c1" AS "c1", "l"."c2" AS "c2", "l"."c3" AS "c3", "l"."c4" AS "c4", "l"."c5" AS "c5", "l"."c6" AS "c6", "l"."c7" AS "c7", "l"."c8" AS "c8", "l"."c9" AS "c9", "l"."c10" AS "c10", "r"."c1" AS "c11", "r"."c2" AS "c12", "r"."c4" AS "c13", "r"."c5" AS "c14", "r"."c6" AS "c15", "r"."c7" AS "c16", "r"."c8" AS "c17", row_number() OVER (ORDER BY "l"."o", "r"."o") AS "o" FROM "s1" AS "l" LEFT JOIN "s2" AS "r" ON "l"."c0" = "r"."c0" AND "l"."c3" = "r"."c3"),
  "s4" AS (SELECT "c0" AS "c0", "c3" AS "c1", "c11" AS "c2", "o" FROM "s3")
SELECT "c0" AS "country", "c1" AS "nationality", "c2" AS "victims" FROM "s4" ORDER BY "s4"."o";

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

> countries anti join arrests on country | anti join victims on country count
WITH "s1" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", 0 AS "o" FROM "countries"),
  "s2" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", 0 AS "o" FROM "arrests"),
  "s3" AS (SELECT "l"."c0", "l"."c1", "l"."c2", "l"."c3", "l"."c4", "l"."o" FROM "s1" AS "l" WHERE NOT EXISTS (SELECT 1 FROM "s2" AS "r" WHERE "l"."c0" = "r"."c0")),
  "s4" AS (SELECT "country" AS "c0", "victims" AS "c1", "status" AS "c2", "nationality" AS "c3", "origin" AS "c4", "destination" AS "c5", "lure" AS "c6", "exploitation" AS "c7", "source" AS "c8", 0 AS "o" FROM "victims"),
  "s5" AS (SELECT "l"."c0", "l"."c1", "l"."c2", "l"."c3", "l"."c4", "l"."o" FROM "s3" AS "l" WHERE NOT EXISTS (SELECT 1 FROM "s4" AS "r" WHERE "l"."c0" = "r"."c0")),
  "s6" AS (SELECT count(*) AS "c0", 1 AS "o" FROM "s5")
SELECT "c0" AS "count" FROM "s6" ORDER BY "s6"."o";

> arrests anti join countries on country count
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", 0 AS "o" FROM "arrests"),
  "s2" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", 0 AS "o" FROM "countries"),
  "s3" AS (SELECT "l"."c0", "l"."c1", "l"."c2", "l"."c3", "l"."c4", "l"."c5", "l"."c6", "l"."c7", "l"."c8", "l"."c9", "l"."c10", "l"."o" FROM "s1" AS "l" WHERE NOT EXISTS (SELECT 1 FROM "s2" AS "r" WHERE "l"."c0" = "r"."c0")),
  "s4" AS (SELECT count(*) AS "c0", 1 AS "o" FROM "s3")
SELECT "c0" AS "count" FROM "s4" ORDER BY "s4"."o";

> countries where country in (victims select country) select country, iso2
WITH "s1" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", rowid AS "o" FROM "countries"),
  "s2" AS (SELECT "country" AS "c0", "victims" AS "c1", "status" AS "c2", "nationality" AS "c3", "origin" AS "c4", "destination" AS "c5", "lure" AS "c6", "exploitation" AS "c7", "source" AS "c8", 0 AS "o" FROM "victims"),
  "s3" AS (SELECT "c0" AS "c0", "o" FROM "s2"),
  "s4" AS (SELECT * FROM "s1" WHERE ("c0" IN (SELECT "c0" FROM "s3"))),
  "s5" AS (SELECT "c0" AS "c0", "c1" AS "c1", "o" FROM "s4")
SELECT "c0" AS "country", "c1" AS "iso2" FROM "s5" ORDER BY "s5"."o";

> countries where country not in (arrests select country) and continent = "Europe" select country
WITH "s1" AS (SELECT "country" AS "c0", "iso2" AS "c1", "iso3" AS "c2", "continent" AS "c3", "source" AS "c4", rowid AS "o" FROM "countries"),
  "s2" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", 0 AS "o" FROM "arrests"),
  "s3" AS (SELECT "c0" AS "c0", "o" FROM "s2"),
  "s4" AS (SELECT * FROM "s1" WHERE (CASE WHEN ("c0" NOT IN (SELECT "c0" FROM "s3")) THEN ("c3" = CAST($1 AS VARCHAR)) ELSE FALSE END)),
  "s5" AS (SELECT "c0" AS "c0", "o" FROM "s4")
SELECT "c0" AS "country" FROM "s5" ORDER BY "s5"."o";
-- 1: string Europe

> arrests where nationality not in (victims select nationality) count
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", 0 AS "o" FROM "arrests"),
  "s2" AS (SELECT "country" AS "c0", "victims" AS "c1", "status" AS "c2", "nationality" AS "c3", "origin" AS "c4", "destination" AS "c5", "lure" AS "c6", "exploitation" AS "c7", "source" AS "c8", 0 AS "o" FROM "victims"),
  "s3" AS (SELECT "c3" AS "c0", "o" FROM "s2"),
  "s4" AS (SELECT * FROM "s1" WHERE ("c3" NOT IN (SELECT "c0" FROM "s3"))),
  "s5" AS (SELECT count(*) AS "c0", 1 AS "o" FROM "s4")
SELECT "c0" AS "count" FROM "s5" ORDER BY "s5"."o";

> arrests where nationality not in (victims where nationality is not null select nationality) select country, nationality
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", rowid AS "o" FROM "arrests"),
  "s2" AS (SELECT "country" AS "c0", "victims" AS "c1", "status" AS "c2", "nationality" AS "c3", "origin" AS "c4", "destination" AS "c5", "lure" AS "c6", "exploitation" AS "c7", "source" AS "c8", 0 AS "o" FROM "victims"),
  "s3" AS (SELECT * FROM "s2" WHERE ("c3" IS NOT NULL)),
  "s4" AS (SELECT "c3" AS "c0", "o" FROM "s3"),
  "s5" AS (SELECT * FROM "s1" WHERE ("c3" NOT IN (SELECT "c0" FROM "s4"))),
  "s6" AS (SELECT "c0" AS "c0", "c3" AS "c1", "o" FROM "s5")
SELECT "c0" AS "country", "c1" AS "nationality" FROM "s6" ORDER BY "s6"."o";
