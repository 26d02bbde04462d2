> arrests count by country | extend share = round(count / sum(count) over (), 3) | top 5 by count desc, country
windows.wql:2:28: error[E1000]: no SQL yet for window functions in spark
arrests count by country | extend share = round(count / sum(count) over (), 3) | top 5 by count desc, country
                           ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
help: spark has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> arrests join countries on country | count by continent, country | extend r = rank() over (by continent sort by count desc), d = dense_rank() over (by continent sort by count desc) | where r <= 2 | sort by continent, r
windows.wql:3:67: error[E1000]: no SQL yet for window functions in spark
…country | count by continent, country | extend r = rank() over (by continent sort by count desc), d = dense_rank() over (by continent sort by count desc) | wher…
                                         ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
help: spark has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> arrests select country, arrested, running = sum(arrested) over (sort by country), n = row_number() over (sort by country), total = sum(arrested) over (by country) | limit 8
windows.wql:4:9: error[E1000]: no SQL yet for window functions in spark
arrests select country, arrested, running = sum(arrested) over (sort by country), n = row_number() over (sort by country), total = sum(arrested) over (by countr…
        ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
help: spark has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> smuggling select country, migrants, before = lag(migrants) over (sort by migrants desc), after = lead(migrants, 2) over (sort by migrants desc), m = median(migrants) over () | sort by migrants desc | limit 6
windows.wql:5:11: error[E1000]: no SQL yet for window functions in spark
smuggling select country, migrants, before = lag(migrants) over (sort by migrants desc), after = lead(migrants, 2) over (sort by migrants desc), m = median(migr…
          ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
help: spark has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> arrests count by offence | extend running_share = round(sum(count) over (sort by count desc) / sum(count) over (), 2), ids = string_agg(offence, "; ") over (sort by count desc)
windows.wql:6:28: error[E1000]: no SQL yet for window functions in spark
arrests count by offence | extend running_share = round(sum(count) over (sort by count desc) / sum(count) over (), 2), ids = string_agg(offence, "; ") over (sor…
                           ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
help: spark has no form of it with wekaql's meaning; run the query in memory, or in another dialect
