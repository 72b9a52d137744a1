// Scenario: a smuggled migrant who may be a trafficking victim (SYNTHETIC training material; names and places invented).
VAR trust = 0
-> briefing

=== briefing ===
A patrol stopped a lorry near the border with seven men in the back. One of them, Karim, 24, has a phone full of messages from a number that calls itself "the boss of the farm".
* [Separate Karim from the group and the driver, and talk to him in a private room #rule:R02 #score:+2]
  In the quiet room Karim relaxes a little.
  ~ trust += 1
* [Question him at the lorry, in front of the driver and the others #rule:R02 #score:-3]
  The driver watches him. Karim says he is a tourist.
- -> interpreter

=== interpreter ===
Karim speaks Arabic.
* [Request a screened interpreter from the roster, not anyone from the group #rule:R03 #score:+2]
  The interpreter joins by video within half an hour.
  ~ trust += 1
* [Use the driver, who speaks Arabic #rule:R03 #score:-3]
  Karim's answers become short and identical to the others'.
- -> opening

=== opening ===
* [Explain who you are, that you are not deciding on asylum or return now, and that he may refuse to answer #rule:R04 #score:+2]
  Karim asks whether he will be sent back tonight. You answer honestly.
  ~ trust += 1
* ["You entered illegally. Who paid the smugglers?" #rule:R08 #score:-3]
  Karim says nothing more without a lawyer.
- -> journey

=== journey ===
* ["Tell me about your journey, from where it began until today." #rule:R07 #score:+2 #indicator:deception]
  A man in a café at home promised him a farm job with papers for 3,000 euro. He paid half; the rest, he was told, he would "work off".
  ~ trust += 1
* ["So you paid the smugglers and came here of your own free will?" #rule:R07 #score:-1]
  "Yes," he says. The conversation stalls.
- -> debt

=== debt ===
* ["You mentioned the money you still owe. Tell me about that." #rule:R18 #score:+1 #indicator:debt_bondage]
  The "boss of the farm" will keep his passport until the debt is paid and has his family's address.
* [Move on; his debts are not your business #rule:R18 #score:-1]
  You miss what will happen to him after the border.
- -> referral

=== referral ===
{trust >= 4: Karim asks whether the others in the lorry owe the same man.}
* [Explain that he may be a victim of trafficking, that help does not depend on testifying, and call the identification team #rule:R13 #score:+2]
  The team arrives in the morning; Karim is placed in a reception centre.
* [Hand him to the border police for the return procedure #rule:R13 #score:-2]
  A possible victim leaves the system unidentified.
- The interview is over.
-> END
