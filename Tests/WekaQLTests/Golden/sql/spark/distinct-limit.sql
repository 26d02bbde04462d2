> arrests distinct offence
WITH `s1` AS (SELECT `country` AS `c0`, `arrested` AS `c1`, `suspects` AS `c2`, `nationality` AS `c3`, `offence` AS `c4`, `place` AS `c5`, `linked_operation` AS `c6`, `notice` AS `c7`, `notice_published_by` AS `c8`, `allegation` AS `c9`, `source` AS `c10`, monotonically_increasing_id() AS `o` FROM `arrests`),
  `s2` AS (SELECT `c4` AS `c0`, min(`o`) AS `o` FROM `s1` GROUP BY `c4`)
SELECT `c0` AS `offence` FROM `s2` ORDER BY `s2`.`o`;

> arrests select country distinct | limit 3 offset 2
WITH `s1` AS (SELECT `country` AS `c0`, `arrested` AS `c1`, `suspects` AS `c2`, `nationality` AS `c3`, `offence` AS `c4`, `place` AS `c5`, `linked_operation` AS `c6`, `notice` AS `c7`, `notice_published_by` AS `c8`, `allegation` AS `c9`, `source` AS `c10`, monotonically_increasing_id() AS `o` FROM `arrests`),
  `s2` AS (SELECT `c0` AS `c0`, `o` FROM `s1`),
  `s3` AS (SELECT `c0` AS `c0`, min(`o`) AS `o` FROM `s2` GROUP BY `c0`),
  `s4` AS (SELECT * FROM `s3` ORDER BY `o` LIMIT CAST(CAST(:p1 AS BIGINT) AS INT) OFFSET CAST(CAST(:p2 AS BIGINT) AS INT))
SELECT `c0` AS `country` FROM `s4` ORDER BY `s4`.`o`;
-- 1: integer 3
-- 2: integer 2

> countries distinct continent sort by continent
WITH `s1` AS (SELECT `country` AS `c0`, `iso2` AS `c1`, `iso3` AS `c2`, `continent` AS `c3`, `source` AS `c4`, monotonically_increasing_id() AS `o` FROM `countries`),
  `s2` AS (SELECT `c3` AS `c0`, min(`o`) AS `o` FROM `s1` GROUP BY `c3`),
  `s3` AS (SELECT `c0`, `o`, `c0` AS `k0` FROM `s2`)
SELECT `c0` AS `continent` FROM `s3` ORDER BY `s3`.`k0` NULLS LAST, `s3`.`o`;
