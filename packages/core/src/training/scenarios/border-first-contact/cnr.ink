// Scenario: prvi kontakt na graničnom prelazu (SINTETIČKI materijal za obuku; imena i mjesta su izmišljeni).
VAR trust = 0
-> briefing

=== briefing ===
Na pasoškoj kontroli muškarac vam pruža dva pasoša: svoj i pasoš Marije, 19 godina. On odgovara na svako pitanje, čak i na ona koja postavljate njoj. Ona ide u inostranstvo „da radi kao konobarica“.
* [Primijetite da on drži njen pasoš i govori umjesto nje, i diskretno to zabilježite #rule:R01 #score:+1]
  Dogovorenim znakom dajete signal kolegi.
* [Obradite ih zajedno, brzo; red je dugačak #rule:R01 #score:-1]
  Umalo udarate pečat u oba pasoša.
- -> separate

=== separate ===
* [Pozovite Mariju na rutinsku provjeru dokumenata u posebnoj prostoriji, uz koleginicu #rule:R02 #score:+2]
  Muškarac protestuje, ali ostaje na šalteru.
  ~ trust += 1
* [Pitajte je pred njim da li je sve u redu #rule:R02 #score:-3]
  „Sve je u redu“, kaže, gledajući u njega.
- -> talk

=== talk ===
* [Predstavite se, objasnite da može slobodno da govori i da ne mora da odgovara #rule:R05 #score:+2]
  Pita da li će on saznati šta je rekla. Objašnjavate šta ostaje među vama.
  ~ trust += 1
* [Recite joj da neće prijeći granicu ako vam ne kaže istinu #rule:R16 #score:-3]
  Počinje da plače i ponavlja ono što joj je on rekao da kaže.
- -> ask

=== ask ===
* [„Ispričajte mi o ovom putovanju i poslu koji vas čeka.“ #rule:R07 #score:+2 #indicator:deception]
  Upoznala ga je preko aplikacije za upoznavanje prije dva mjeseca. On joj je našao posao; ne zna ime bara. Drži njen pasoš „da ga ne izgubi“.
  ~ trust += 1
* [„Idete li da radite kao prostitutka?“ #rule:R09 #score:-2]
  Zaćuti.
- -> fears

=== fears ===
* [Pitajte je da li se osjeća bezbjedno da nastavi put s njim #rule:R14 #score:+2 #indicator:retention_of_documents]
  Kaže da se on ljuti kada zove majku i da mu duguje za kartu.
* [Recite joj da nema razloga za brigu #rule:R14 #score:-1]
  Klimne glavom i više ništa ne kaže.
- -> referral

=== referral ===
{trust >= 3: Marija pita da li odavde može da pozove majku.}
* [Diskretno joj dajte broj linije za pomoć na njenom jeziku i pozovite mobilni tim za identifikaciju #rule:R13 #score:+2]
  Tim stiže za sat vremena; Marija odlučuje da ostane.
* [Pustite ih da idu; ništa nezakonito se nije desilo #rule:R13 #score:-1]
  Ulaze u autobus. Ne prestajete da mislite na nju.
- Kontakt je završen.
-> END
