> arrests | where arrested > 2 and country != "Cameroon" | select country, arrested | sort by arrested desc | limit 3
WITH `s1` AS (SELECT `country` AS `c0`, `arrested` AS `c1`, `suspects` AS `c2`, `nationality` AS `c3`, `offence` AS `c4`, `place` AS `c5`, `linked_operation` AS `c6`, `notice` AS `c7`, `notice_published_by` AS `c8`, `allegation` AS `c9`, `source` AS `c10`, monotonically_increasing_id() AS `o` FROM `arrests`),
  `s2` AS (SELECT * FROM `s1` WHERE (CASE WHEN (`c1` > CAST(:p1 AS BIGINT)) THEN (`c0` <> CAST(:p2 AS STRING)) ELSE FALSE END)),
  `s3` AS (SELECT `c0` AS `c0`, `c1` AS `c1`, `o` FROM `s2`),
  `s4` AS (SELECT `c0`, `c1`, `o`, `c1` AS `k0` FROM `s3`),
  `s5` AS (SELECT * FROM `s4` ORDER BY `s4`.`k0` DESC NULLS LAST, `s4`.`o` LIMIT CAST(CAST(:p3 AS BIGINT) AS INT))
SELECT `c0` AS `country`, `c1` AS `arrested` FROM `s5` ORDER BY `s5`.`k0` DESC NULLS LAST, `s5`.`o`;
-- 1: integer 2
-- 2: string Cameroon
-- 3: integer 3

> arrests where offence = "migrant smuggling" or arrested >= 3
  select country, arrested
WITH `s1` AS (SELECT `country` AS `c0`, `arrested` AS `c1`, `suspects` AS `c2`, `nationality` AS `c3`, `offence` AS `c4`, `place` AS `c5`, `linked_operation` AS `c6`, `notice` AS `c7`, `notice_published_by` AS `c8`, `allegation` AS `c9`, `source` AS `c10`, monotonically_increasing_id() AS `o` FROM `arrests`),
  `s2` AS (SELECT * FROM `s1` WHERE (CASE WHEN (`c4` = CAST(:p1 AS STRING)) THEN TRUE ELSE (`c1` >= CAST(:p2 AS BIGINT)) END)),
  `s3` AS (SELECT `c0` AS `c0`, `c1` AS `c1`, `o` FROM `s2`)
SELECT `c0` AS `country`, `c1` AS `arrested` FROM `s3` ORDER BY `s3`.`o`;
-- 1: string migrant smuggling
-- 2: integer 3
