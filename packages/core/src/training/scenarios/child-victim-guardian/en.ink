// Scenario: a child victim with a guardian (SYNTHETIC training material; names and places invented).
VAR trust = 0
-> briefing

=== briefing ===
Lejla, 15, was found begging at a bus station at night. A man who says he is her uncle came to collect her. The centre for social work has appointed a guardian.
* [Wait for the guardian appointed by the centre for social work, and ask for her consent and Lejla's #rule:R21 #score:+2]
  The guardian arrives, meets Lejla alone first, and both agree to the interview.
  ~ trust += 1
* [Start now, with the uncle as the adult present #rule:R02 #score:-3]
  Lejla looks at the uncle before every answer.
- -> ground_rules

=== ground_rules ===
* [Explain the ground rules: she may say "I don't know", and she should correct you if you get something wrong #rule:R21 #score:+2]
  Lejla tries it out: "I don't know what day it was." You thank her.
  ~ trust += 1
* [Tell her to answer quickly and precisely #rule:R21 #score:-1]
  She starts guessing answers to please you.
- -> rapport

=== rapport ===
* [Ask about something she enjoys, then ask her to tell you about yesterday, from morning to evening #rule:R21 #score:+1]
  She talks about drawing, then describes her day in detail. You learn how she tells a story.
  ~ trust += 1
* [Go straight to the questions about the uncle #rule:R21 #score:-1]
  She shrugs and says little.
- -> invitation

=== invitation ===
* ["Tell me everything about how you came to this city." #rule:R07 #score:+2 #indicator:deception]
  A woman in her village told her mother that Lejla could go to school in the city and help in a shop. There was no school and no shop.
  ~ trust += 1
* ["Your uncle made you beg, didn't he?" #rule:R21 #score:-2]
  She nods. You cannot tell whether that came from her or from your question.
* ["Why did you run away from school?" #rule:R08 #score:-3]
  She starts crying and says she is sorry.
- -> specifics

=== specifics ===
* ["You said your uncle gets angry when you bring less money. Tell me more about that." #rule:R18 #score:+1 #indicator:intimidation_threats]
  He shouts and says her mother will be told she is a thief. Sometimes she is not allowed to eat.
* ["Did he hit you? Yes or no?" #rule:R07 #score:-1]
  "No," she says, and looks at the floor.
- -> closing

=== closing ===
{trust >= 4: Lejla asks whether she can see the guardian again tomorrow.}
* [Thank her, explain what happens next in words she understands, and tell her who will look after her tonight #rule:R19 #score:+2]
  The guardian takes her to the emergency shelter.
* ["That's all, you can go." #rule:R19 #score:-1]
  Lejla does not know where she is going.
- The interview is over.
-> END
