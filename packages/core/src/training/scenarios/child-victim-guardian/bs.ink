// Scenario: dijete žrtva uz staratelja (SINTETIČKI materijal za obuku; imena i mjesta su izmišljeni).
VAR trust = 0
-> briefing

=== briefing ===
Lejla, 15 godina, zatečena je noću kako prosi na autobuskoj stanici. Po nju je došao čovjek koji kaže da joj je ujak. Centar za socijalni rad postavio je staratelja.
* [Sačekajte staratelja koga je postavio centar za socijalni rad i zatražite njen pristanak i Lejlin #rule:R21 #score:+2]
  Starateljka dolazi, prvo se sama upoznaje sa Lejlom, i obe pristaju na razgovor.
  ~ trust += 1
* [Počnite odmah, uz ujaka kao prisutnu odraslu osobu #rule:R02 #score:-3]
  Lejla prije svakog odgovora pogleda ujaka.
- -> ground_rules

=== ground_rules ===
* [Objasnite pravila: može da kaže „ne znam“ i treba da vas ispravi ako nešto pogrešno razumijete #rule:R21 #score:+2]
  Lejla to isproba: „Ne znam koji je dan bio.“ Zahvaljujete joj.
  ~ trust += 1
* [Recite joj da odgovara brzo i precizno #rule:R21 #score:-1]
  Počinje da pogađa odgovore da bi vam ugodila.
- -> rapport

=== rapport ===
* [Pitajte je o nečemu što voli, a onda je zamolite da vam ispriča jučerašnji dan, od jutra do večeri #rule:R21 #score:+1]
  Priča o crtanju, pa detaljno opisuje svoj dan. Saznajete kako ona priča priču.
  ~ trust += 1
* [Pređite odmah na pitanja o ujaku #rule:R21 #score:-1]
  Sleže ramenima i govori malo.
- -> invitation

=== invitation ===
* [„Ispričaj mi sve o tome kako si došla u ovaj grad.“ #rule:R07 #score:+2 #indicator:deception]
  Jedna žena iz sela rekla je njenoj majci da Lejla može da ide u školu u gradu i da pomaže u prodavnici. Nije bilo ni škole ni prodavnice.
  ~ trust += 1
* [„Ujak te je tjerao da prosiš, zar ne?“ #rule:R21 #score:-2]
  Klimne glavom. Ne možete da znate da li je to došlo od nje ili od vašeg pitanja.
* [„Zašto si pobjegla iz škole?“ #rule:R08 #score:-3]
  Počinje da plače i kaže da joj je žao.
- -> specifics

=== specifics ===
* [„Rekla si da se ujak ljuti kada doneseš manje novca. Ispričaj mi više o tome.“ #rule:R18 #score:+1 #indicator:intimidation_threats]
  Viče i kaže da će njenoj majci reći da je lopov. Ponekad ne smije da jede.
* [„Da li te je udario? Da ili ne?“ #rule:R07 #score:-1]
  „Ne“, kaže, i gleda u pod.
- -> closing

=== closing ===
{trust >= 4: Lejla pita da li sutra može ponovo da vidi starateljku.}
* [Zahvalite joj, objasnite riječima koje razume šta slijedi i recite joj ko će se noćas brinuti o njoj #rule:R19 #score:+2]
  Starateljka je vodi u prihvatilište.
* [„To je sve, možeš da ideš.“ #rule:R19 #score:-1]
  Lejla ne zna kuda ide.
- Razgovor je završen.
-> END
