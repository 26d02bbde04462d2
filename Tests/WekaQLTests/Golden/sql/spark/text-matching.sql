> countries where country =~ "cote d'ivoire" select country, iso2, iso3
text-matching.wql:2:17: error[E1000]: no SQL yet for =~ (which ignores accents) in spark
countries where country =~ "cote d'ivoire" select country, iso2, iso3
                ^~~~~~~~~~~~~~~~~~~~~~~~~~
help: spark has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> arrests where suspects contains "MAN" select country, suspects
text-matching.wql:3:15: error[E1000]: no SQL yet for contains (which ignores accents) in spark
arrests where suspects contains "MAN" select country, suspects
              ^~~~~~~~~~~~~~~~~~~~~~~
help: spark has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> countries where country starts with "guinea" or country ends with "LAND" select country sort by country
text-matching.wql:4:17: error[E1000]: no SQL yet for starts with (which ignores accents) in spark
countries where country starts with "guinea" or country ends with "LAND" select country sort by country
                ^~~~~~~~~~~~~~~~~~~~~~~~~~~~
help: spark has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> countries where iso3 matches "^[A-C].A$" select country, iso3
text-matching.wql:5:17: error[E1000]: no SQL yet for matches with a regular expression in spark
countries where iso3 matches "^[A-C].A$" select country, iso3
                ^~~~~~~~~~~~~~~~~~~~~~~~
help: spark has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> countries where country in ("Togo", "Gambia", "Greece") select country, continent
WITH `s1` AS (SELECT `country` AS `c0`, `iso2` AS `c1`, `iso3` AS `c2`, `continent` AS `c3`, `source` AS `c4`, monotonically_increasing_id() AS `o` FROM `countries`),
  `s2` AS (SELECT * FROM `s1` WHERE (`c0` IN (CAST(:p1 AS STRING), CAST(:p2 AS STRING), CAST(:p3 AS STRING)))),
  `s3` AS (SELECT `c0` AS `c0`, `c3` AS `c1`, `o` FROM `s2`)
SELECT `c0` AS `country`, `c1` AS `continent` FROM `s3` ORDER BY `s3`.`o`;
-- 1: string Togo
-- 2: string Gambia
-- 3: string Greece

> countries where continent not in ("Africa") select country, continent sort by continent, country
WITH `s1` AS (SELECT `country` AS `c0`, `iso2` AS `c1`, `iso3` AS `c2`, `continent` AS `c3`, `source` AS `c4`, monotonically_increasing_id() AS `o` FROM `countries`),
  `s2` AS (SELECT * FROM `s1` WHERE (`c3` NOT IN (CAST(:p1 AS STRING)))),
  `s3` AS (SELECT `c0` AS `c0`, `c3` AS `c1`, `o` FROM `s2`),
  `s4` AS (SELECT `c0`, `c1`, `o`, `c1` AS `k0`, `c0` AS `k1` FROM `s3`)
SELECT `c0` AS `country`, `c1` AS `continent` FROM `s4` ORDER BY `s4`.`k0` NULLS LAST, `s4`.`k1` NULLS LAST, `s4`.`o`;
-- 1: string Africa
