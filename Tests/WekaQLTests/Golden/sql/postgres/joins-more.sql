> arrests join victims on country, nationality select country, nationality, arrested, victims
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", row_number() OVER () AS "o" FROM "arrests"),
  "s2" AS (SELECT "country" AS "c0", "victims" AS "c1", "status" AS "c2", "nationality" AS "c3", "origin" AS "c4", "destination" AS "c5", "lure" AS "c6", "exploitation" AS "c7", "source" AS "c8", row_number() OVER () AS "o" FROM "victims"),
  "s3" AS (SELECT "l"."c0" AS "c0", "l"."c1" AS "c1", "l"."c2" AS "c2", "l"."c3" AS "c3", "l"."c4" AS "c4", "l"."c5" AS "c5", "l"."c6" AS "c6", "l"."c7" AS "c7", "l"."c8" AS "c8", "l"."c9" AS "c9", "l"."c10" AS "c10", "r"."c1" AS "c11", "r"."c2" AS "c12", "r"."c4" AS "c13", "r"."c5" AS "c14", "r"."c6" AS "c15", "r"."c7" AS "c16", "r"."c8" AS "c17", row_number() OVER (ORDER BY "l"."o", "r"."o") AS "o" FROM "s1" AS "l" JOIN "s2" AS "r" ON "l"."c0" = "r"."c0" AND "l"."c3" = "r"."c3"),
  "s4" AS (SELECT "c0" AS "c0", "c3" AS "c1", "c1" AS "c2", "c11" AS "c3", "o" FROM "s3")
SELECT "c0" AS "country", "c1" AS "nationality", "c2" AS "arrested", "c3" AS "victims" FROM "s4" ORDER BY "o";

> arrests left join victims on country = country and nationality = nationality select country, nationality, victims
WITH "s1" AS (SELECT "country" AS "c0", "arrested" AS "c1", "suspects" AS "c2", "nationality" AS "c3", "offence" AS "c4", "place" AS "c5", "linked_operation" AS "c6", "notice" AS "c7", "notice_published_by" AS "c8", "allegation" AS "c9", "source" AS "c10", row_number() OVER () AS "o" FROM "arrests"),
  "s2" AS (SELECT "country" AS "c0", "victims" AS "c1", "status" AS "c2", "nationality" AS "c3", "origin" AS "c4", "destination" AS "c5", "lure" AS "c6", "exploitation" AS "c7", "source" AS "c8", row_number() OVER () AS "o" FROM "victims"),
  "s3" AS (SELECT "l"."c0" AS "c0", "l"."c1" AS "c1", "l"."c2" AS "c2", "l"."c3" AS "c3", "l"."c4" AS "c4", "l"."c5" AS "c5", "l"."c6" AS "c6", "l"."c7" AS "c7", "l"."c8" AS "c8", "l"."c9" AS "c9", "l"."c10" AS "c10", "r"."c1" AS "c11", "r"."c2" AS "c12", "r"."c4" AS "c13", "r"."c5" AS "c14", "r"."c6" AS "c15", "r"."c7" AS "c16", "r"."c8" AS "c17", row_number() OVER (ORDER BY "l"."o", "r"."o") AS "o" FROM "s1" AS "l" LEFT JOIN "s2" AS "r" ON "l"."c0" = "r"."c0" AND "l"."c3" = "r"."c3"),
  "s4" AS (SELECT "c0" AS "c0", "c3" AS "c1", "c11" AS "c2", "o" FROM "s3")
SELECT "c0" AS "country", "c1" AS "nationality", "c2" AS "victims" FROM "s4" ORDER BY "o";

> victims full join smuggling on country select country, victims, migrants
joins-more.wql:4:9: error[E1000]: no SQL yet for full join in postgres
victims full join smuggling on country select country, victims, migrants
        ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
help: postgres has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> arrests semi join victims on country select country, arrested
joins-more.wql:5:9: error[E1000]: no SQL yet for semi join in postgres
arrests semi join victims on country select country, arrested
        ^~~~~~~~~~~~~~~~~~~~~~~~~~~~
help: postgres has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> countries anti join arrests on country | anti join victims on country count
joins-more.wql:6:11: error[E1000]: no SQL yet for anti join in postgres
countries anti join arrests on country | anti join victims on country count
          ^~~~~~~~~~~~~~~~~~~~~~~~~~~~
help: postgres has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> arrests anti join countries on country count
joins-more.wql:7:9: error[E1000]: no SQL yet for anti join in postgres
arrests anti join countries on country count
        ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
help: postgres has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> countries where country in (victims select country) select country, iso2
joins-more.wql:8:17: error[E1000]: no SQL yet for in (QUERY) in postgres
countries where country in (victims select country) select country, iso2
                ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
help: postgres has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> countries where country not in (arrests select country) and continent = "Europe" select country
joins-more.wql:9:17: error[E1000]: no SQL yet for in (QUERY) in postgres
countries where country not in (arrests select country) and continent = "Europe" select country
                ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
help: postgres has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> arrests where nationality not in (victims select nationality) count
joins-more.wql:10:15: error[E1000]: no SQL yet for in (QUERY) in postgres
arrests where nationality not in (victims select nationality) count
              ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
help: postgres has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> arrests where nationality not in (victims where nationality is not null select nationality) select country, nationality
joins-more.wql:11:15: error[E1000]: no SQL yet for in (QUERY) in postgres
arrests where nationality not in (victims where nationality is not null select nationality) select country, nationality
              ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
help: postgres has no form of it with wekaql's meaning; run the query in memory, or in another dialect
