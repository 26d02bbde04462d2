> arrests pivot offence in ("human trafficking", "migrant smuggling") using count() by country | top 5 by `human trafficking` desc, country
pivot.wql:2:9: error[E1000]: no SQL yet for pivot in spark
arrests pivot offence in ("human trafficking", "migrant smuggling") using count() by country | top 5 by `human trafficking` desc, country
        ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
help: spark has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> arrests join countries on country | pivot continent using sum(arrested)
pivot.wql:3:37: error[E1000]: no SQL yet for pivot in spark
arrests join countries on country | pivot continent using sum(arrested)
                                    ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
help: spark has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> arrests join countries on country | pivot offence using sum(arrested) by continent | sort by continent desc
pivot.wql:4:37: error[E1000]: no SQL yet for pivot in spark
arrests join countries on country | pivot offence using sum(arrested) by continent | sort by continent desc
                                    ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
help: spark has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> smuggling unpivot migrants, children into measure, people | limit 6
pivot.wql:5:11: error[E1000]: no SQL yet for unpivot in spark
smuggling unpivot migrants, children into measure, people | limit 6
          ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
help: spark has no form of it with wekaql's meaning; run the query in memory, or in another dialect
