> countries select country, words = split(country, " "), n = length(split(country, " ")) | top 4 by n desc, country
lists.wql:2:35: error[E1000]: no SQL yet for a list in duckdb
countries select country, words = split(country, " "), n = length(split(country, " ")) | top 4 by n desc, country
                                  ^~~~~~~~~~~~~~~~~~~
help: duckdb has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> countries where split(country, " ") contains "Republic" select country
lists.wql:3:17: error[E1000]: no SQL yet for contains on a list in duckdb
countries where split(country, " ") contains "Republic" select country
                ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
help: duckdb has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> countries where split(country, " ") contains "republic" count
lists.wql:4:17: error[E1000]: no SQL yet for contains on a list in duckdb
countries where split(country, " ") contains "republic" count
                ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
help: duckdb has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> arrests summarize countries = list(country), counts = list(arrested) by offence
lists.wql:5:31: error[E1000]: no SQL yet for list() in duckdb
arrests summarize countries = list(country), counts = list(arrested) by offence
                              ^~~~~~~~~~~~~
help: duckdb has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> countries extend words = split(country, " ") | unnest words | count by words | top 3 by count desc, words
lists.wql:6:26: error[E1000]: no SQL yet for a list in duckdb
countries extend words = split(country, " ") | unnest words | count by words | top 3 by count desc, words
                         ^~~~~~~~~~~~~~~~~~~
help: duckdb has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> countries select words = split(country, " ") | distinct | sort by words | limit 3
lists.wql:7:26: error[E1000]: no SQL yet for a list in duckdb
countries select words = split(country, " ") | distinct | sort by words | limit 3
                         ^~~~~~~~~~~~~~~~~~~
help: duckdb has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> arrests summarize people = list(arrested) by offence | where people contains 34 select offence
lists.wql:8:28: error[E1000]: no SQL yet for list() in duckdb
arrests summarize people = list(arrested) by offence | where people contains 34 select offence
                           ^~~~~~~~~~~~~~
help: duckdb has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> countries select country, parts = split(country, "") | where length(parts) <= 4
lists.wql:9:35: error[E1000]: no SQL yet for a list in duckdb
countries select country, parts = split(country, "") | where length(parts) <= 4
                                  ^~~~~~~~~~~~~~~~~~
help: duckdb has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> captions select pieces = split("a,,b", ",") | limit 1
lists.wql:10:26: error[E1000]: no SQL yet for a list in duckdb
captions select pieces = split("a,,b", ",") | limit 1
                         ^~~~~~~~~~~~~~~~~~
help: duckdb has no form of it with wekaql's meaning; run the query in memory, or in another dialect
