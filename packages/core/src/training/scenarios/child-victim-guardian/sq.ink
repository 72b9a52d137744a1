// Skenar: një fëmijë viktimë me kujdestar (material SINTETIK trajnimi; emrat dhe vendet janë të trilluara).
VAR trust = 0
-> briefing

=== briefing ===
Lejla, 15 vjeç, u gjet natën duke lypur në stacionin e autobusëve. Një burrë që thotë se është xhaxhai i saj erdhi ta marrë. Qendra e punës sociale ka caktuar një kujdestare.
* [Prisni kujdestaren e caktuar nga qendra e punës sociale dhe kërkoni pëlqimin e saj dhe të Lejlës #rule:R21 #score:+2]
  Kujdestarja vjen, takohet fillimisht vetëm me Lejlën, dhe të dyja pranojnë intervistën.
  ~ trust += 1
* [Filloni tani, me xhaxhain si të rriturin e pranishëm #rule:R02 #score:-3]
  Lejla shikon xhaxhain para çdo përgjigjeje.
- -> ground_rules

=== ground_rules ===
* [Shpjegoni rregullat: mund të thotë "nuk e di" dhe duhet t'ju korrigjojë nëse kuptoni diçka gabim #rule:R21 #score:+2]
  Lejla e provon: "Nuk e di çfarë dite ishte." E falënderoni.
  ~ trust += 1
* [I thoni të përgjigjet shpejt dhe saktë #rule:R21 #score:-1]
  Fillon të hamendësojë përgjigje për t'ju pëlqyer.
- -> rapport

=== rapport ===
* [Pyeteni për diçka që i pëlqen, pastaj kërkojini t'ju tregojë ditën e djeshme, nga mëngjesi deri në mbrëmje #rule:R21 #score:+1]
  Flet për vizatimin, pastaj e përshkruan ditën e saj në hollësi. Mësoni si e tregon ajo një histori.
  ~ trust += 1
* [Kaloni menjëherë te pyetjet për xhaxhain #rule:R21 #score:-1]
  Ngre supet dhe flet pak.
- -> invitation

=== invitation ===
* ["Më trego gjithçka se si erdhe në këtë qytet." #rule:R07 #score:+2 #indicator:deception]
  Një grua nga fshati i tha nënës së saj se Lejla mund të shkonte në shkollë në qytet dhe të ndihmonte në një dyqan. Nuk kishte as shkollë, as dyqan.
  ~ trust += 1
* ["Xhaxhai të detyronte të lypje, apo jo?" #rule:R21 #score:-2]
  Pohon me kokë. Nuk mund ta dini nëse kjo erdhi prej saj apo nga pyetja juaj.
* ["Pse ike nga shkolla?" #rule:R08 #score:-3]
  Fillon të qajë dhe thotë se i vjen keq.
- -> specifics

=== specifics ===
* ["Më the se xhaxhai zemërohet kur sjell më pak para. Më trego më shumë për këtë." #rule:R18 #score:+1 #indicator:intimidation_threats]
  Bërtet dhe thotë se do t'i tregojë nënës së saj që është hajdute. Ndonjëherë nuk e lejojnë të hajë.
* ["A të ka goditur? Po apo jo?" #rule:R07 #score:-1]
  "Jo," thotë, dhe shikon dyshemenë.
- -> closing

=== closing ===
{trust >= 4: Lejla pyet nëse nesër mund ta shohë sërish kujdestaren.}
* [Falënderojeni, shpjegojini me fjalë që i kupton çfarë ndodh më pas dhe tregojini kush do të kujdeset për të sonte #rule:R19 #score:+2]
  Kujdestarja e çon në strehimoren emergjente.
* ["Kaq ishte, mund të shkosh." #rule:R19 #score:-1]
  Lejla nuk e di ku po shkon.
- Intervista mbaroi.
-> END
