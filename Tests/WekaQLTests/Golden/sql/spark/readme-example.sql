> arrests where arrested > 2 select country, arrested, offence sort by arrested desc
WITH `s1` AS (SELECT `country` AS `c0`, `arrested` AS `c1`, `suspects` AS `c2`, `nationality` AS `c3`, `offence` AS `c4`, `place` AS `c5`, `linked_operation` AS `c6`, `notice` AS `c7`, `notice_published_by` AS `c8`, `allegation` AS `c9`, `source` AS `c10`, monotonically_increasing_id() AS `o` FROM `arrests`),
  `s2` AS (SELECT * FROM `s1` WHERE (`c1` > CAST(:p1 AS BIGINT))),
  `s3` AS (SELECT `c0` AS `c0`, `c1` AS `c1`, `c4` AS `c2`, `o` FROM `s2`),
  `s4` AS (SELECT `c0`, `c1`, `c2`, `o`, `c1` AS `k0` FROM `s3`)
SELECT `c0` AS `country`, `c1` AS `arrested`, `c2` AS `offence` FROM `s4` ORDER BY `s4`.`k0` DESC NULLS LAST, `s4`.`o`;
-- 1: integer 2
