> arrests select country, price = arrested * 1.50, share = arrested + 0.25, less = 2.5 - arrested, neg = -(arrested * 0.1)
types.wql:3:33: error[E1000]: no SQL yet for an exact decimal in spark
arrests select country, price = arrested * 1.50, share = arrested + 0.25, less = 2.5 - arrested, neg = -(arrested * 0.1)
                                ^~~~~~~~~~~~~~~
help: spark has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> arrests select country, third = arrested / 3.0, precise = 1.0 / 3, exact = 12.30 / 3, big = arrested * 10.5 / 4, whole = 10 / 4.0
types.wql:4:33: error[E1000]: no SQL yet for an exact decimal in spark
arrests select country, third = arrested / 3.0, precise = 1.0 / 3, exact = 12.30 / 3, big = arrested * 10.5 / 4, whole = 10 / 4.0
                                ^~~~~~~~~~~~~~
help: spark has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> arrests select rest = arrested % 1.5, r = round(arrested * 1.005, 2), r0 = round(arrested / 7.0, 0), keep = round(arrested * 1.5, 3), a = abs(arrested * -1.25)
types.wql:5:23: error[E1000]: no SQL yet for an exact decimal in spark
arrests select rest = arrested % 1.5, r = round(arrested * 1.005, 2), r0 = round(arrested / 7.0, 0), keep = round(arrested * 1.5, 3), a = abs(arrested * -1.25)
                      ^~~~~~~~~~~~~~
help: spark has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> arrests summarize total = sum(arrested * 1.10), mean = avg(arrested * 1.0), low = min(arrested * 0.5), high = max(arrested + 0.5) by offence
types.wql:6:31: error[E1000]: no SQL yet for an exact decimal in spark
arrests summarize total = sum(arrested * 1.10), mean = avg(arrested * 1.0), low = min(arrested * 0.5), high = max(arrested + 0.5) by offence
                              ^~~~~~~~~~~~~~~
help: spark has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> arrests select d = decimal(arrested), i = int(arrested * 1.5), f = float(arrested * 0.1), s = string(arrested * 1.50), b = bool(arrested * 0.5), t = country || " " || arrested * 1.5
types.wql:7:20: error[E1000]: no SQL yet for an exact decimal in spark
arrests select d = decimal(arrested), i = int(arrested * 1.5), f = float(arrested * 0.1), s = string(arrested * 1.50), b = bool(arrested * 0.5), t = country || …
                   ^~~~~~~~~~~~~~~~~
help: spark has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> arrests where arrested * 1.5 > 3 and arrested * 0.5 != 1.0 select country, c = coalesce(arrested * 1.5, 0), k = if(arrested > 2, 1.25, 2)
types.wql:8:15: error[E1000]: no SQL yet for an exact decimal in spark
arrests where arrested * 1.5 > 3 and arrested * 0.5 != 1.0 select country, c = coalesce(arrested * 1.5, 0), k = if(arrested > 2, 1.25, 2)
              ^~~~~~~~~~~~~~
help: spark has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> countries select country, words = split(country, " ")
types.wql:9:35: error[E1000]: no SQL yet for a list in spark
countries select country, words = split(country, " ")
                                  ^~~~~~~~~~~~~~~~~~~
help: spark has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> countries select country, n = length(split(country, " ")), letters = split(country, ""), empty = split("", ",")
types.wql:10:31: error[E1000]: no SQL yet for length() of a list in spark
countries select country, n = length(split(country, " ")), letters = split(country, ""), empty = split("", ",")
                              ^~~~~~~~~~~~~~~~~~~~~~~~~~~
help: spark has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> countries where split(country, " ") contains "Republic" select country
types.wql:11:17: error[E1000]: no SQL yet for contains on a list in spark
countries where split(country, " ") contains "Republic" select country
                ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
help: spark has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> countries extend words = split(country, " ") | unnest words | count by words
types.wql:12:26: error[E1000]: no SQL yet for a list in spark
countries extend words = split(country, " ") | unnest words | count by words
                         ^~~~~~~~~~~~~~~~~~~
help: spark has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> arrests summarize countries = list(country), counts = list(arrested) by offence
types.wql:13:31: error[E1000]: no SQL yet for list() in spark
arrests summarize countries = list(country), counts = list(arrested) by offence
                              ^~~~~~~~~~~~~
help: spark has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> arrests summarize all = list(suspects)
types.wql:14:25: error[E1000]: no SQL yet for list() in spark
arrests summarize all = list(suspects)
                        ^~~~~~~~~~~~~~
help: spark has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> countries select words = split(country, " ") | sort by words desc | limit 5
types.wql:15:26: error[E1000]: no SQL yet for a list in spark
countries select words = split(country, " ") | sort by words desc | limit 5
                         ^~~~~~~~~~~~~~~~~~~
help: spark has no form of it with wekaql's meaning; run the query in memory, or in another dialect

> countries select words = split(country, "a") | distinct words | sort by words
types.wql:16:26: error[E1000]: no SQL yet for a list in spark
countries select words = split(country, "a") | distinct words | sort by words
                         ^~~~~~~~~~~~~~~~~~~
help: spark has no form of it with wekaql's meaning; run the query in memory, or in another dialect
