// Scenario: first contact at a border crossing (SYNTHETIC training material; names and places invented).
VAR trust = 0
-> briefing

=== briefing ===
At passport control, a man hands you two passports: his own and that of Marija, 19. He answers every question, even those you ask her. She is going abroad "to work as a waitress".
* [Notice that he holds her passport and speaks for her, and note it discreetly #rule:R01 #score:+1]
  You signal your colleague with the agreed code.
* [Process them together quickly; the queue is long #rule:R01 #score:-1]
  You almost stamp both passports.
- -> separate

=== separate ===
* [Invite Marija for a routine document check in a separate room, with a female officer #rule:R02 #score:+2]
  The man protests but stays at the counter.
  ~ trust += 1
* [Ask her, in front of him, whether everything is all right #rule:R02 #score:-3]
  "Everything is fine," she says, looking at him.
- -> talk

=== talk ===
* [Introduce yourself, explain that she can talk freely and does not have to answer #rule:R05 #score:+2]
  She asks whether he will know what she says. You explain what stays between you.
  ~ trust += 1
* [Tell her she will not cross unless she tells you the truth #rule:R16 #score:-3]
  She starts crying and repeats what he told her to say.
- -> ask

=== ask ===
* ["Tell me about this trip and the job that is waiting for you." #rule:R07 #score:+2 #indicator:deception]
  She met him on a dating app two months ago. He found her the job; she does not know the name of the bar. He keeps her passport "so she does not lose it".
  ~ trust += 1
* ["Are you going to work as a prostitute?" #rule:R09 #score:-2]
  She goes silent.
- -> fears

=== fears ===
* [Ask whether she feels safe travelling on with him #rule:R14 #score:+2 #indicator:retention_of_documents]
  She says he gets angry when she calls her mother, and that she owes him for the ticket.
* [Tell her she has nothing to worry about #rule:R14 #score:-1]
  She nods and says nothing more.
- -> referral

=== referral ===
{trust >= 3: Marija asks if she can call her mother from here.}
* [Discreetly give her the helpline number in her language and call the mobile identification team #rule:R13 #score:+2]
  The team arrives within the hour; Marija decides to stay.
* [Let them go; nothing illegal has happened #rule:R13 #score:-1]
  They board the bus. You keep thinking about her.
- The contact is over.
-> END
