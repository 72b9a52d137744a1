// Scenario: krijumčareni migrant koji bi mogao biti žrtva trgovine ljudima (SINTETIČKI materijal za obuku; imena i mjesta su izmišljeni).
VAR trust = 0
-> briefing

=== briefing ===
Patrola je kod granice zaustavila kamion sa sedam muškaraca u tovarnom prostoru. Jedan od njih, Karim, 24 godine, ima telefon pun poruka sa broja koji se predstavlja kao „gazda farme“.
* [Odvojite Karima od grupe i vozača i razgovarajte s njim u posebnoj prostoriji #rule:R02 #score:+2]
  U mirnoj prostoriji Karim se malo opusti.
  ~ trust += 1
* [Ispitajte ga kod kamiona, pred vozačem i ostalima #rule:R02 #score:-3]
  Vozač ga posmatra. Karim kaže da je turista.
- -> interpreter

=== interpreter ===
Karim govori arapski.
* [Zatražite provjerenog prevodioca sa spiska, a ne nekoga iz grupe #rule:R03 #score:+2]
  Prevodilac se uključuje vidio-vezom za pola sata.
  ~ trust += 1
* [Neka prevodi vozač, koji govori arapski #rule:R03 #score:-3]
  Karimovi odgovori postaju kratki i isti kao kod ostalih.
- -> opening

=== opening ===
* [Objasnite ko ste, da sada ne odlučujete o azilu ili vraćanju i da može da odbije da odgovori #rule:R04 #score:+2]
  Karim pita da li će noćas biti vraćen. Odgovarate iskreno.
  ~ trust += 1
* [„Ušli ste nezakonito. Ko je platio krijumčarima?“ #rule:R08 #score:-3]
  Karim bez advokata više ništa ne govori.
- -> journey

=== journey ===
* [„Ispričajte mi o svom putu, od mjesta gdje je počeo do danas.“ #rule:R07 #score:+2 #indicator:deception]
  Čovjek u kafiću kod kuće obećao mu je posao na farmi sa papirima za 3.000 eura. Platio je polovinu; ostatak će, rečeno mu je, „odraditi“.
  ~ trust += 1
* [„Znači, platili ste krijumčarima i došli ovamo svojom voljom?“ #rule:R07 #score:-1]
  „Da“, kaže. Razgovor zastaje.
- -> debt

=== debt ===
* [„Pomenuli ste novac koji još dugujete. Ispričajte mi o tome.“ #rule:R18 #score:+1 #indicator:debt_bondage]
  „Gazda farme“ će mu držati pasoš dok ne otplati dug i ima adresu njegove porodice.
* [Pređite dalje; njegovi dugovi vas se ne tiču #rule:R18 #score:-1]
  Propuštate da saznate šta će mu se desiti poslije granice.
- -> referral

=== referral ===
{trust >= 4: Karim pita da li i ostali iz kamiona duguju istom čovjeku.}
* [Objasnite da bi mogao biti žrtva trgovine ljudima, da pomoć ne zavisi od svjedočenja, i pozovite tim za identifikaciju #rule:R13 #score:+2]
  Tim dolazi ujutru; Karim je smješten u prihvatni centar.
* [Predajte ga graničnoj policiji radi postupka vraćanja #rule:R13 #score:-2]
  Moguća žrtva napušta sistem neidentifikovana.
- Razgovor je završen.
-> END
