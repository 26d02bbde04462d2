> operations select name, year, year(start_date) as y, month(start_date) as m, day(end_date) as d, lower(coordinator) as c
WITH `s1` AS (SELECT `name` AS `c0`, `year` AS `c1`, `stated_year` AS `c2`, `dates` AS `c3`, `start_date` AS `c4`, `end_date` AS `c5`, `countries` AS `c6`, `continents` AS `c7`, `arrests` AS `c8`, `arrests_qualifier` AS `c9`, `victims_rescued` AS `c10`, `victims_rescued_qualifier` AS `c11`, `migrants_identified` AS `c12`, `migrants_identified_qualifier` AS `c13`, `nationalities` AS `c14`, `coordinator` AS `c15`, `source` AS `c16`, monotonically_increasing_id() AS `o` FROM `operations`),
  `s2` AS (SELECT `c0` AS `c0`, `c1` AS `c1`, CAST(year(`c4`) AS BIGINT) AS `c2`, CAST(month(`c4`) AS BIGINT) AS `c3`, CAST(day(`c5`) AS BIGINT) AS `c4`, lower(`c15`) AS `c5`, `o` FROM `s1`)
SELECT `c0` AS `name`, `c1` AS `year`, `c2` AS `y`, `c3` AS `m`, `c4` AS `d`, `c5` AS `c` FROM `s2` ORDER BY `s2`.`o`;

> countries where continent = "Europe" select upper(country) as name, length(country) as n, substr(iso3, 1, 2) as s, concat(iso2, "/", iso3) as codes
functions.wql:3:69: error[E1000]: no SQL yet for length() in spark
countries where continent = "Europe" select upper(country) as name, length(country) as n, substr(iso3, 1, 2) as s, concat(iso2, "/", iso3) as codes
                                                                    ^~~~~~~~~~~~~~~
help: spark has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> smuggling select country, migrants, fee_usd, round(fee_usd / 3) as third, coalesce(children, 0) as kids
WITH `s1` AS (SELECT `country` AS `c0`, `migrants` AS `c1`, `children` AS `c2`, `suspects` AS `c3`, `intercepted` AS `c4`, `fee_usd` AS `c5`, `destination` AS `c6`, `details` AS `c7`, `source` AS `c8`, monotonically_increasing_id() AS `o` FROM `smuggling`),
  `s2` AS (SELECT `c0` AS `c0`, `c1` AS `c1`, `c5` AS `c2`, CAST(round((CASE WHEN abs((CAST(`c5` AS DOUBLE) / CAST(CAST(:p1 AS BIGINT) AS DOUBLE))) = CAST('Infinity' AS DOUBLE) THEN raise_error('decimal out of range') ELSE (CAST(`c5` AS DOUBLE) / CAST(CAST(:p1 AS BIGINT) AS DOUBLE)) END)) AS BIGINT) AS `c3`, coalesce(`c2`, CAST(:p2 AS BIGINT)) AS `c4`, `o` FROM `s1`)
SELECT `c0` AS `country`, `c1` AS `migrants`, `c2` AS `fee_usd`, `c3` AS `third`, `c4` AS `kids` FROM `s2` ORDER BY `s2`.`o`;
-- 1: integer 3
-- 2: integer 0

> figures where approx select metric, value, abs(-value) as a, value / 8 as eighth, value % 8 as rest, floor(value / 8) as f, ceil(value / 8) as c
WITH `s1` AS (SELECT `metric` AS `c0`, `value` AS `c1`, `approx` AS `c2`, `qualifier` AS `c3`, `source` AS `c4`, monotonically_increasing_id() AS `o` FROM `figures`),
  `s2` AS (SELECT * FROM `s1` WHERE `c2`),
  `s3` AS (SELECT `c0` AS `c0`, `c1` AS `c1`, abs((- `c1`)) AS `c2`, (CASE WHEN abs((CAST(`c1` AS DOUBLE) / CAST(CAST(:p1 AS BIGINT) AS DOUBLE))) = CAST('Infinity' AS DOUBLE) THEN raise_error('decimal out of range') ELSE (CAST(`c1` AS DOUBLE) / CAST(CAST(:p1 AS BIGINT) AS DOUBLE)) END) AS `c3`, (`c1` % CAST(:p2 AS BIGINT)) AS `c4`, CAST(floor((CASE WHEN abs((CAST(`c1` AS DOUBLE) / CAST(CAST(:p3 AS BIGINT) AS DOUBLE))) = CAST('Infinity' AS DOUBLE) THEN raise_error('decimal out of range') ELSE (CAST(`c1` AS DOUBLE) / CAST(CAST(:p3 AS BIGINT) AS DOUBLE)) END)) AS BIGINT) AS `c5`, CAST(ceil((CASE WHEN abs((CAST(`c1` AS DOUBLE) / CAST(CAST(:p4 AS BIGINT) AS DOUBLE))) = CAST('Infinity' AS DOUBLE) THEN raise_error('decimal out of range') ELSE (CAST(`c1` AS DOUBLE) / CAST(CAST(:p4 AS BIGINT) AS DOUBLE)) END)) AS BIGINT) AS `c6`, `o` FROM `s2`)
SELECT `c0` AS `metric`, `c1` AS `value`, `c2` AS `a`, `c3` AS `eighth`, `c4` AS `rest`, `c5` AS `f`, `c6` AS `c` FROM `s3` ORDER BY `s3`.`o`;
-- 1: integer 8
-- 2: integer 8
-- 3: integer 8
-- 4: integer 8
