// Skenar: kontakti i parë në një pikë kufitare (material SINTETIK trajnimi; emrat dhe vendet janë të trilluara).
VAR trust = 0
-> briefing

=== briefing ===
Në kontrollin e pasaportave, një burrë ju jep dy pasaporta: të tijën dhe atë të Marijës, 19 vjeç. Ai u përgjigjet të gjitha pyetjeve, edhe atyre që ia bëni asaj. Ajo po shkon jashtë vendit "për të punuar si kameriere".
* [Vini re se ai mban pasaportën e saj dhe flet në vend të saj, dhe shënojeni me diskrecion #rule:R01 #score:+1]
  I jepni sinjal kolegut me kodin e rënë dakord.
* [Përpunojini së bashku, shpejt; radha është e gjatë #rule:R01 #score:-1]
  Për pak sa nuk i vulosni të dyja pasaportat.
- -> separate

=== separate ===
* [Ftojeni Marijën për një kontroll rutinë dokumentesh në një dhomë të veçantë, me një kolege #rule:R02 #score:+2]
  Burri proteston, por mbetet te sporteli.
  ~ trust += 1
* [Pyeteni para tij nëse është gjithçka në rregull #rule:R02 #score:-3]
  "Gjithçka në rregull," thotë, duke e parë atë.
- -> talk

=== talk ===
* [Prezantohuni, shpjegoni se mund të flasë lirshëm dhe se nuk është e detyruar të përgjigjet #rule:R05 #score:+2]
  Pyet nëse ai do ta marrë vesh çfarë tha. Ju shpjegoni çfarë mbetet mes jush.
  ~ trust += 1
* [I thoni se nuk do ta kalojë kufirin nëse nuk ju thotë të vërtetën #rule:R16 #score:-3]
  Fillon të qajë dhe përsërit atë që ai i tha të thotë.
- -> ask

=== ask ===
* ["Më tregoni për këtë udhëtim dhe për punën që ju pret." #rule:R07 #score:+2 #indicator:deception]
  E njohu në një aplikacion njohjesh dy muaj më parë. Ai i gjeti punën; ajo nuk e di emrin e lokalit. Ai ia mban pasaportën "që të mos e humbasë".
  ~ trust += 1
* ["A po shkoni të punoni si prostitutë?" #rule:R09 #score:-2]
  Ajo hesht.
- -> fears

=== fears ===
* [Pyeteni nëse ndihet e sigurt të vazhdojë udhëtimin me të #rule:R14 #score:+2 #indicator:retention_of_documents]
  Thotë se ai zemërohet kur ajo telefonon nënën e saj, dhe se i ka borxh për biletën.
* [I thoni se nuk ka pse të shqetësohet #rule:R14 #score:-1]
  Pohon me kokë dhe nuk thotë më asgjë.
- -> referral

=== referral ===
{trust >= 3: Marija pyet nëse mund ta telefonojë nënën që këtu.}
* [Jepini me diskrecion numrin e linjës së ndihmës në gjuhën e saj dhe thirrni ekipin e lëvizshëm të identifikimit #rule:R13 #score:+2]
  Ekipi mbërrin brenda një ore; Marija vendos të qëndrojë.
* [Lërini të shkojnë; nuk ka ndodhur asgjë e paligjshme #rule:R13 #score:-1]
  Hipin në autobus. Nuk pushoni së menduari për të.
- Kontakti mbaroi.
-> END
