> arrests union victims union items where country =~ "cote d'ivoire" select collection, country, arrested, victims, status, item
union.wql:2:41: error[E1000]: no SQL yet for =~ (which ignores accents) in spark
arrests union victims union items where country =~ "cote d'ivoire" select collection, country, arrested, victims, status, item
                                        ^~~~~~~~~~~~~~~~~~~~~~~~~~
help: spark has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> arrests union victims union items count by collection
WITH `s1` AS (SELECT `country` AS `c0`, `arrested` AS `c1`, `suspects` AS `c2`, `nationality` AS `c3`, `offence` AS `c4`, `place` AS `c5`, `linked_operation` AS `c6`, `notice` AS `c7`, `notice_published_by` AS `c8`, `allegation` AS `c9`, `source` AS `c10`, 0 AS `o` FROM `arrests`),
  `s2` AS (SELECT `country` AS `c0`, `victims` AS `c1`, `status` AS `c2`, `nationality` AS `c3`, `origin` AS `c4`, `destination` AS `c5`, `lure` AS `c6`, `exploitation` AS `c7`, `source` AS `c8`, 0 AS `o` FROM `victims`),
  `s3` AS (SELECT `c0`, `c1`, `c2`, `c3`, `c4`, `c5`, `c6`, `c7`, `c8`, `c9`, `c10`, `c11`, `c12`, `c13`, `c14`, `c15`, `c16`, `c17`, row_number() OVER (ORDER BY `p`, `o`) AS `o` FROM (SELECT CAST(CAST(:p1 AS STRING) AS STRING) AS `c0`, CAST(`c0` AS STRING) AS `c1`, CAST(`c1` AS BIGINT) AS `c2`, CAST(`c2` AS STRING) AS `c3`, CAST(`c3` AS STRING) AS `c4`, CAST(`c4` AS STRING) AS `c5`, CAST(`c5` AS STRING) AS `c6`, CAST(`c6` AS STRING) AS `c7`, CAST(`c7` AS STRING) AS `c8`, CAST(`c8` AS STRING) AS `c9`, CAST(`c9` AS STRING) AS `c10`, CAST(`c10` AS STRING) AS `c11`, CAST(NULL AS BIGINT) AS `c12`, CAST(NULL AS STRING) AS `c13`, CAST(NULL AS STRING) AS `c14`, CAST(NULL AS STRING) AS `c15`, CAST(NULL AS STRING) AS `c16`, CAST(NULL AS STRING) AS `c17`, 0 AS `p`, `o` FROM `s1` UNION ALL SELECT CAST(CAST(:p2 AS STRING) AS STRING) AS `c0`, CAST(`c0` AS STRING) AS `c1`, CAST(NULL AS BIGINT) AS `c2`, CAST(NULL AS STRING) AS `c3`, CAST(`c3` AS STRING) AS `c4`, CAST(NULL AS STRING) AS `c5`, CAST(NULL AS STRING) AS `c6`, CAST(NULL AS STRING) AS `c7`, CAST(NULL AS STRING) AS `c8`, CAST(NULL AS STRING) AS `c9`, CAST(NULL AS STRING) AS `c10`, CAST(`c8` AS STRING) AS `c11`, CAST(`c1` AS BIGINT) AS `c12`, CAST(`c2` AS STRING) AS `c13`, CAST(`c4` AS STRING) AS `c14`, CAST(`c5` AS STRING) AS `c15`, CAST(`c6` AS STRING) AS `c16`, CAST(`c7` AS STRING) AS `c17`, 1 AS `p`, `o` FROM `s2`) AS `u`),
  `s4` AS (SELECT `country` AS `c0`, `item` AS `c1`, `quantity` AS `c2`, `status` AS `c3`, `details` AS `c4`, `source` AS `c5`, 0 AS `o` FROM `items`),
  `s5` AS (SELECT `c0`, `c1`, `c2`, `c3`, `c4`, `c5`, `c6`, `c7`, `c8`, `c9`, `c10`, `c11`, `c12`, `c13`, `c14`, `c15`, `c16`, `c17`, `c18`, `c19`, `c20`, row_number() OVER (ORDER BY `p`, `o`) AS `o` FROM (SELECT CAST(`c0` AS STRING) AS `c0`, CAST(`c1` AS STRING) AS `c1`, CAST(`c2` AS BIGINT) AS `c2`, CAST(`c3` AS STRING) AS `c3`, CAST(`c4` AS STRING) AS `c4`, CAST(`c5` AS STRING) AS `c5`, CAST(`c6` AS STRING) AS `c6`, CAST(`c7` AS STRING) AS `c7`, CAST(`c8` AS STRING) AS `c8`, CAST(`c9` AS STRING) AS `c9`, CAST(`c10` AS STRING) AS `c10`, CAST(`c11` AS STRING) AS `c11`, CAST(`c12` AS BIGINT) AS `c12`, CAST(`c13` AS STRING) AS `c13`, CAST(`c14` AS STRING) AS `c14`, CAST(`c15` AS STRING) AS `c15`, CAST(`c16` AS STRING) AS `c16`, CAST(`c17` AS STRING) AS `c17`, CAST(NULL AS STRING) AS `c18`, CAST(NULL AS BIGINT) AS `c19`, CAST(NULL AS STRING) AS `c20`, 0 AS `p`, `o` FROM `s3` UNION ALL SELECT CAST(CAST(:p3 AS STRING) AS STRING) AS `c0`, CAST(`c0` AS STRING) AS `c1`, CAST(NULL AS BIGINT) AS `c2`, CAST(NULL AS STRING) AS `c3`, CAST(NULL AS STRING) AS `c4`, CAST(NULL AS STRING) AS `c5`, CAST(NULL AS STRING) AS `c6`, CAST(NULL AS STRING) AS `c7`, CAST(NULL AS STRING) AS `c8`, CAST(NULL AS STRING) AS `c9`, CAST(NULL AS STRING) AS `c10`, CAST(`c5` AS STRING) AS `c11`, CAST(NULL AS BIGINT) AS `c12`, CAST(`c3` AS STRING) AS `c13`, CAST(NULL AS STRING) AS `c14`, CAST(NULL AS STRING) AS `c15`, CAST(NULL AS STRING) AS `c16`, CAST(NULL AS STRING) AS `c17`, CAST(`c1` AS STRING) AS `c18`, CAST(`c2` AS BIGINT) AS `c19`, CAST(`c4` AS STRING) AS `c20`, 1 AS `p`, `o` FROM `s4`) AS `u`),
  `s6` AS (SELECT *, `c0` AS `g0` FROM `s5`),
  `s7` AS (SELECT `g0` AS `c0`, count(*) AS `c1`, row_number() OVER (ORDER BY `g0` NULLS LAST) AS `o` FROM `s6` GROUP BY `g0`)
SELECT `c0` AS `collection`, `c1` AS `count` FROM `s7` ORDER BY `s7`.`o`;
-- 1: string arrests
-- 2: string victims
-- 3: string items

> arrests select country, arrested union (smuggling select country, arrested = migrants) where country = "Gambia"
WITH `s1` AS (SELECT `country` AS `c0`, `arrested` AS `c1`, `suspects` AS `c2`, `nationality` AS `c3`, `offence` AS `c4`, `place` AS `c5`, `linked_operation` AS `c6`, `notice` AS `c7`, `notice_published_by` AS `c8`, `allegation` AS `c9`, `source` AS `c10`, monotonically_increasing_id() AS `o` FROM `arrests`),
  `s2` AS (SELECT `c0` AS `c0`, `c1` AS `c1`, `o` FROM `s1`),
  `s3` AS (SELECT `country` AS `c0`, `migrants` AS `c1`, `children` AS `c2`, `suspects` AS `c3`, `intercepted` AS `c4`, `fee_usd` AS `c5`, `destination` AS `c6`, `details` AS `c7`, `source` AS `c8`, monotonically_increasing_id() AS `o` FROM `smuggling`),
  `s4` AS (SELECT `c0` AS `c0`, `c1` AS `c1`, `o` FROM `s3`),
  `s5` AS (SELECT `c0`, `c1`, `c2`, row_number() OVER (ORDER BY `p`, `o`) AS `o` FROM (SELECT CAST(CAST(:p1 AS STRING) AS STRING) AS `c0`, CAST(`c0` AS STRING) AS `c1`, CAST(`c1` AS BIGINT) AS `c2`, 0 AS `p`, `o` FROM `s2` UNION ALL SELECT CAST(CAST(:p2 AS STRING) AS STRING) AS `c0`, CAST(`c0` AS STRING) AS `c1`, CAST(`c1` AS BIGINT) AS `c2`, 1 AS `p`, `o` FROM `s4`) AS `u`),
  `s6` AS (SELECT * FROM `s5` WHERE (`c1` = CAST(:p3 AS STRING)))
SELECT `c0` AS `collection`, `c1` AS `country`, `c2` AS `arrested` FROM `s6` ORDER BY `s6`.`o`;
-- 1: string arrests
-- 2: string smuggling
-- 3: string Gambia

> countries select country, n = 1 union (figures select country = metric, n = 2.5) sort by n desc limit 3
union.wql:5:33: error[E1000]: no SQL yet for union of an exact decimal column in spark
countries select country, n = 1 union (figures select country = metric, n = 2.5) sort by n desc limit 3
                                ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
help: spark has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> arrests select country union distinct (victims select country) union distinct (items select country)
WITH `s1` AS (SELECT `country` AS `c0`, `arrested` AS `c1`, `suspects` AS `c2`, `nationality` AS `c3`, `offence` AS `c4`, `place` AS `c5`, `linked_operation` AS `c6`, `notice` AS `c7`, `notice_published_by` AS `c8`, `allegation` AS `c9`, `source` AS `c10`, monotonically_increasing_id() AS `o` FROM `arrests`),
  `s2` AS (SELECT `c0` AS `c0`, `o` FROM `s1`),
  `s3` AS (SELECT `country` AS `c0`, `victims` AS `c1`, `status` AS `c2`, `nationality` AS `c3`, `origin` AS `c4`, `destination` AS `c5`, `lure` AS `c6`, `exploitation` AS `c7`, `source` AS `c8`, monotonically_increasing_id() AS `o` FROM `victims`),
  `s4` AS (SELECT `c0` AS `c0`, `o` FROM `s3`),
  `s5` AS (SELECT `c0`, row_number() OVER (ORDER BY `p`, `o`) AS `o` FROM (SELECT CAST(`c0` AS STRING) AS `c0`, 0 AS `p`, `o` FROM `s2` UNION ALL SELECT CAST(`c0` AS STRING) AS `c0`, 1 AS `p`, `o` FROM `s4`) AS `u`),
  `s6` AS (SELECT `c0`, min(`o`) AS `o` FROM `s5` GROUP BY `c0`),
  `s7` AS (SELECT `country` AS `c0`, `item` AS `c1`, `quantity` AS `c2`, `status` AS `c3`, `details` AS `c4`, `source` AS `c5`, monotonically_increasing_id() AS `o` FROM `items`),
  `s8` AS (SELECT `c0` AS `c0`, `o` FROM `s7`),
  `s9` AS (SELECT `c0`, row_number() OVER (ORDER BY `p`, `o`) AS `o` FROM (SELECT CAST(`c0` AS STRING) AS `c0`, 0 AS `p`, `o` FROM `s6` UNION ALL SELECT CAST(`c0` AS STRING) AS `c0`, 1 AS `p`, `o` FROM `s8`) AS `u`),
  `s10` AS (SELECT `c0`, min(`o`) AS `o` FROM `s9` GROUP BY `c0`)
SELECT `c0` AS `country` FROM `s10` ORDER BY `s10`.`o`;

> first union first where country = "Togo"
WITH `s1` AS (SELECT `country` AS `c0`, `arrested` AS `c1`, `suspects` AS `c2`, `nationality` AS `c3`, `offence` AS `c4`, `place` AS `c5`, `linked_operation` AS `c6`, `notice` AS `c7`, `notice_published_by` AS `c8`, `allegation` AS `c9`, `source` AS `c10`, monotonically_increasing_id() AS `o` FROM `arrests`),
  `s2` AS (SELECT `c0` AS `c0`, `c4` AS `c1`, `o` FROM `s1`),
  `s3` AS (SELECT `country` AS `c0`, `arrested` AS `c1`, `suspects` AS `c2`, `nationality` AS `c3`, `offence` AS `c4`, `place` AS `c5`, `linked_operation` AS `c6`, `notice` AS `c7`, `notice_published_by` AS `c8`, `allegation` AS `c9`, `source` AS `c10`, monotonically_increasing_id() AS `o` FROM `arrests`),
  `s4` AS (SELECT `c0` AS `c0`, `c4` AS `c1`, `o` FROM `s3`),
  `s5` AS (SELECT `c0`, `c1`, `c2`, row_number() OVER (ORDER BY `p`, `o`) AS `o` FROM (SELECT CAST(CAST(:p1 AS STRING) AS STRING) AS `c0`, CAST(`c0` AS STRING) AS `c1`, CAST(`c1` AS STRING) AS `c2`, 0 AS `p`, `o` FROM `s2` UNION ALL SELECT CAST(CAST(:p2 AS STRING) AS STRING) AS `c0`, CAST(`c0` AS STRING) AS `c1`, CAST(`c1` AS STRING) AS `c2`, 1 AS `p`, `o` FROM `s4`) AS `u`),
  `s6` AS (SELECT * FROM `s5` WHERE (`c1` = CAST(:p3 AS STRING)))
SELECT `c0` AS `collection`, `c1` AS `country`, `c2` AS `offence` FROM `s6` ORDER BY `s6`.`o`;
-- 1: string first
-- 2: string first
-- 3: string Togo
