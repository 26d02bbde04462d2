> arrests count
WITH `s1` AS (SELECT `country` AS `c0`, `arrested` AS `c1`, `suspects` AS `c2`, `nationality` AS `c3`, `offence` AS `c4`, `place` AS `c5`, `linked_operation` AS `c6`, `notice` AS `c7`, `notice_published_by` AS `c8`, `allegation` AS `c9`, `source` AS `c10`, 0 AS `o` FROM `arrests`),
  `s2` AS (SELECT count(*) AS `c0`, 1 AS `o` FROM `s1`)
SELECT `c0` AS `count` FROM `s2` ORDER BY `s2`.`o`;

> arrests where offence = "human trafficking" count by country
WITH `s1` AS (SELECT `country` AS `c0`, `arrested` AS `c1`, `suspects` AS `c2`, `nationality` AS `c3`, `offence` AS `c4`, `place` AS `c5`, `linked_operation` AS `c6`, `notice` AS `c7`, `notice_published_by` AS `c8`, `allegation` AS `c9`, `source` AS `c10`, 0 AS `o` FROM `arrests`),
  `s2` AS (SELECT * FROM `s1` WHERE (`c4` = CAST(:p1 AS STRING))),
  `s3` AS (SELECT *, `c0` AS `g0` FROM `s2`),
  `s4` AS (SELECT `g0` AS `c0`, count(*) AS `c1`, row_number() OVER (ORDER BY `g0` NULLS LAST) AS `o` FROM `s3` GROUP BY `g0`)
SELECT `c0` AS `country`, `c1` AS `count` FROM `s4` ORDER BY `s4`.`o`;
-- 1: string human trafficking

> arrests count by offence sort by count desc
WITH `s1` AS (SELECT `country` AS `c0`, `arrested` AS `c1`, `suspects` AS `c2`, `nationality` AS `c3`, `offence` AS `c4`, `place` AS `c5`, `linked_operation` AS `c6`, `notice` AS `c7`, `notice_published_by` AS `c8`, `allegation` AS `c9`, `source` AS `c10`, 0 AS `o` FROM `arrests`),
  `s2` AS (SELECT *, `c4` AS `g0` FROM `s1`),
  `s3` AS (SELECT `g0` AS `c0`, count(*) AS `c1`, row_number() OVER (ORDER BY `g0` NULLS LAST) AS `o` FROM `s2` GROUP BY `g0`),
  `s4` AS (SELECT `c0`, `c1`, `o`, `c1` AS `k0` FROM `s3`)
SELECT `c0` AS `offence`, `c1` AS `count` FROM `s4` ORDER BY `s4`.`k0` DESC NULLS LAST, `s4`.`o`;

> arrests count by offence | where count > 1 | select `count`, offence
WITH `s1` AS (SELECT `country` AS `c0`, `arrested` AS `c1`, `suspects` AS `c2`, `nationality` AS `c3`, `offence` AS `c4`, `place` AS `c5`, `linked_operation` AS `c6`, `notice` AS `c7`, `notice_published_by` AS `c8`, `allegation` AS `c9`, `source` AS `c10`, 0 AS `o` FROM `arrests`),
  `s2` AS (SELECT *, `c4` AS `g0` FROM `s1`),
  `s3` AS (SELECT `g0` AS `c0`, count(*) AS `c1`, row_number() OVER (ORDER BY `g0` NULLS LAST) AS `o` FROM `s2` GROUP BY `g0`),
  `s4` AS (SELECT * FROM `s3` WHERE (`c1` > CAST(:p1 AS BIGINT))),
  `s5` AS (SELECT `c1` AS `c0`, `c0` AS `c1`, `o` FROM `s4`)
SELECT `c0` AS `count`, `c1` AS `offence` FROM `s5` ORDER BY `s5`.`o`;
-- 1: integer 1
