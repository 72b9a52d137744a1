// Skenar: një migrant i kontrabanduar që mund të jetë viktimë e trafikimit (material SINTETIK trajnimi; emrat dhe vendet janë të trilluara).
VAR trust = 0
-> briefing

=== briefing ===
Një patrullë ndaloi pranë kufirit një kamion me shtatë burra në pjesën e ngarkesës. Njëri prej tyre, Karimi, 24 vjeç, ka një telefon plot me mesazhe nga një numër që e quan veten "shefi i fermës".
* [Ndajeni Karimin nga grupi dhe shoferi, dhe flisni me të në një dhomë të veçantë #rule:R02 #score:+2]
  Në dhomën e qetë Karimi qetësohet pak.
  ~ trust += 1
* [Merreni në pyetje te kamioni, para shoferit dhe të tjerëve #rule:R02 #score:-3]
  Shoferi e vëzhgon. Karimi thotë se është turist.
- -> interpreter

=== interpreter ===
Karimi flet arabisht.
* [Kërkoni një përkthyes të verifikuar nga lista, jo dikë nga grupi #rule:R03 #score:+2]
  Përkthyesi lidhet me video brenda gjysmë ore.
  ~ trust += 1
* [Le të përkthejë shoferi, që flet arabisht #rule:R03 #score:-3]
  Përgjigjet e Karimit bëhen të shkurtra dhe njësoj si të të tjerëve.
- -> opening

=== opening ===
* [Shpjegoni kush jeni, se tani nuk vendosni për azil apo kthim, dhe se ai mund të refuzojë të përgjigjet #rule:R04 #score:+2]
  Karimi pyet nëse do të kthehet sonte. Ju përgjigjeni sinqerisht.
  ~ trust += 1
* ["Hytë në mënyrë të paligjshme. Kush i pagoi kontrabandistët?" #rule:R08 #score:-3]
  Karimi nuk flet më pa avokat.
- -> journey

=== journey ===
* ["Më tregoni për udhëtimin tuaj, nga vendi ku filloi deri sot." #rule:R07 #score:+2 #indicator:deception]
  Një burrë në një kafene në vendlindje i premtoi punë në fermë me letra për 3.000 euro. Pagoi gjysmën; pjesën tjetër, i thanë, do ta "shlyente me punë".
  ~ trust += 1
* ["Pra, i paguat kontrabandistët dhe erdhët këtu me vullnetin tuaj?" #rule:R07 #score:-1]
  "Po," thotë. Biseda ngec.
- -> debt

=== debt ===
* ["Përmendët paratë që ende i keni borxh. Më tregoni për këtë." #rule:R18 #score:+1 #indicator:debt_bondage]
  "Shefi i fermës" do t'ia mbajë pasaportën derisa të shlyejë borxhin dhe ka adresën e familjes së tij.
* [Kaloni më tej; borxhet e tij nuk ju përkasin #rule:R18 #score:-1]
  Nuk mësoni çfarë do t'i ndodhë pas kufirit.
- -> referral

=== referral ===
{trust >= 4: Karimi pyet nëse edhe të tjerët në kamion i kanë borxh të njëjtit njeri.}
* [Shpjegoni se mund të jetë viktimë e trafikimit, se ndihma nuk varet nga dëshmia, dhe thirrni ekipin e identifikimit #rule:R13 #score:+2]
  Ekipi vjen në mëngjes; Karimi vendoset në një qendër pritjeje.
* [Dorëzojeni te policia kufitare për procedurën e kthimit #rule:R13 #score:-2]
  Një viktimë e mundshme largohet nga sistemi pa u identifikuar.
- Intervista mbaroi.
-> END
