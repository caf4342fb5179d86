"""How right are the drafts? Places, dates, countries, confidence and speed, side by side with a baseline.

    .venv/bin/python benchmarks/draft_accuracy.py [--repeat 5] [--no-speed] [--misses] [--splits SPLIT ...]
        [--gazetteer regional|cities]
    .venv/bin/python benchmarks/draft_accuracy.py --fit-confidence     # refit events/drafts/confidence.json

Data: the labelled reports in tests/events/drafts/data/labelled_reports.json (short reports written
for this project from public reporting, each with its events) and the seed report (../shared/seed,
when present). Two splits, printed side by side:
- tuning: every report the rules were written or fixed on, or whose misses were looked at (``split``
  fit, heldout, heldout2, heldout3, heldout4 and the ``-fixed`` splits in the file: each was measured
  once as it stood, then its faults were fixed or seen, so each moved here);
- held-out: the reports written after the rules were frozen and measured once (``split`` heldout6);
- held-out 11 and 12: reports written after the rules were frozen at main 7c81090 (``split``
  heldout11, heldout12), each measured once;
- set 13 (reports W01-W25, by a writer who never saw the rules, written after they were frozen at
  main d9dca1d) was measured once (82.9% / 86.5% / 84.4%, in the labelled file's about text); its
  faults were then fixed, so it is tuning now (``split`` heldout13-fixed);
- sets 14 and 15 (reports X01-X25 and Y01-Y25 by two more writers who never saw the rules) were
  measured once on the rules frozen at main fb577fb (83.1% / 71.1% / 94.3% together, in the labelled
  file's about text); their faults were then fixed, so they are tuning now (``split``
  heldout14-fixed, heldout15-fixed);
- sets 16 and 17 (reports Z01-Z25 and J01-J25 by two more writers who never saw the rules) were
  measured once on the rules frozen at main 4b691f7 (76.7% / 61.5% / 93.6% together, in the labelled
  file's about text); their faults were then fixed, so they are tuning now (``split``
  heldout16-fixed, heldout17-fixed);
- calibration: reports G01-G25 and F01-F25 (sets 18 and 19, by two more writers who never saw the
  rules), measured once as held-out on the rules frozen at main ff042e1 (74.5% / 73.2% / 92.3%
  together, in the labelled file's about text); since then they are used only to fit the drafts'
  confidence (``--fit-confidence`` writes events/drafts/confidence.json from them), never to change a
  rule (``split`` calibration18, calibration19). Sets 20 and 21 (reports A01-A25 and B01-B25, two more
  writers) were measured once as held-out on the rules of ff042e1 with the confidence of 6bdf5aa
  (82.1% / 78.1% / 96.0% and 82.4% / 71.7% / 81.8%) and then joined the calibration sets (``split``
  calibration20, calibration21). Their confidence figures are FIT figures.
- held-out 22 and 23: reports C01-C25 and D01-D25 (session 10, two more writers), written while the
  rules stood at main 551c71f and measured once on them (80.8% / 64.5% / 100% and 89.7% / 76.7% /
  95.7%); after that first measurement they moved to tuning and their faults were fixed by kind (``split``
  heldout22-fixed, heldout23-fixed).
- held-out 24+25: reports E01-E25 and I01-I25 (session 11, two more writers who never saw the rules),
  measured once on the rules frozen at main a30d97d: 83.9% / 76.8% / 92.3% together (set 24: 78.6% /
  75.8% / 91.7%; set 25: 89.3% / 77.8% / 92.9%), no draft in a wrong country; then they moved to
  tuning (heldout24-fixed, heldout25-fixed) and their faults were fixed by kind.
- held-out 26 and 27: reports O01-O25 and EA01-EA25 (session 11, two more writers), measured once on
  the rules frozen at main a5369c4: 89.7% / 87.1% / 92.6% and 81.2% / 82.9% / 92.9% (85.2% / 84.8% /
  92.7% together), 1 draft in a wrong country; then they moved to tuning (heldout26-fixed,
  heldout27-fixed) and their faults were fixed by kind.
- held-out 28 and 29: reports OA01-OA25 and IA01-IA25 (end of session 11, two more writers), measured
  once on the final rules of session 11 (drafts code of 1b35929): 66.7% / 64.7% / 85.7% and 77.3% /
  73.1% / 94.7% (71.2% / 68.3% / 90.0% together), 1 draft in a wrong country.
- held-out 30 and 31: reports UA01-UA20 and YA01-YA25 (start of session 12, two more writers), measured
  once on the rules of main 8c7a7c3: 95.0% / 85.2% / 87.0% and 89.7% / 86.5% / 87.1% (91.8% / 85.9% /
  87.0% together), no draft in a wrong country; then they moved to tuning (heldout30-fixed,
  heldout31-fixed) and their faults were fixed by kind.
- held-out 32 and 33: reports UB01-UB25 and YB01-YB25 (start of session 12, two more writers), kept unread
  and measured once on the final rules of session 12 (drafts code of c285aa0): 84.8% / 75.7% / 96.3% and
  81.8% / 71.9% / 95.5% (83.3% / 73.9% / 95.9% together), no draft in a wrong country.
- held-out 34 and 35: reports OB01-OB25 and IB01-IB25 (session 13, two more writers: Syria and Lebanon; Iraq
  outside Baghdad, Yemen and the Red Sea, Iran), measured once on the rules of main 446b5ca: 87.1% / 78.4% /
  89.3% and 60.0% / 56.2% / 88.2% (75.0% / 68.1% / 88.9% together), no draft in a wrong country; then set 35
  moved to tuning (heldout35-fixed) and its faults were fixed by kind; set 34 stayed unread until session 14,
  when it was read and its faults fixed by kind (heldout34-fixed).
- held-out 36 and 37: reports UC01-UC25 and YC01-YC25 (session 14, two more writers: Iraq, Turkey's strikes and
  Jordan; Syria, Lebanon/Israel, Yemen and Iran), kept unread; measured first on the rules of e3cd16e (the end of
  session 13): 77.3% / 70.4% / 89.5% and 82.6% / 60.0% / 85.7% (80.0% / 64.5% / 87.5% together), 1 draft in a
  wrong country; the same on the rules of ebd1191 except one wrong draft fewer (81.8% / 64.5% / 87.5%); then they
  were read, moved to tuning (heldout36-fixed, heldout37-fixed) and their faults fixed by kind.
- held-out 38 and 39: reports OC01-OC25 and IC01-IC25 (session 14, two more writers: southern and western Iraq,
  Iran, Turkey's south-east; southern and central Syria, Lebanon, Jordan, Yemen beyond Hodeidah), kept unread;
  first measured on the rules of e3cd16e and of ebd1191 (the same: 76.6% / 60.7% / 81.1%, 1 draft in a wrong
  country), and the same on the final rules of session 14; read in session 15, moved to tuning
  (heldout38-fixed, heldout39-fixed) and their faults fixed by kind.
- held-out 40 and 41: reports EB01-EB25 and UD01-UD25 (session 15, two more writers: Yemen, Iran, Jordan and Turkey's
  operations in northern Iraq; Syria, Lebanon and the border, protests and IEDs in Iraq), kept unread; first
  measured on the rules of fe951dc (the end of session 14): 73.8% / 79.7% / 88.0% together, no draft in a wrong
  country; on the final rules of session 15, 73.8% / 78.1% / 87.8% (set 40 lost one event, bisected on the
  figures alone to the rule letting "X, in Y province" name X's holder); read in session 16, moved to tuning
  (heldout40-fixed, heldout41-fixed) and their faults fixed by kind.
- held-out 42 and 43: reports YD01-YD25 and OD01-OD25 (session 15, two more writers: Iraq outside Baghdad and Iran;
  Syria, Lebanon, Yemen and Israel's north), kept unread; measured on the rules of fe951dc and on the final rules
  of session 15: the same, 84.0% / 80.8% / 95.0% and 70.0% / 78.6% / 86.4%, no draft in a wrong country.
- held-out 44 and 45: reports EC01-EC25 and UE01-UE25 (session 16, two more writers: Syria, Jordan and Lebanon
  with Iraq, Yemen and Iran; Iraq's north and centre and north-east Syria), kept unread; first measured on
  the rules of main 5a07d7e (the end of session 15), and again in session 17 (the same, set 45 one event
  fewer); read in session 18, moved to tuning (heldout44-fixed, heldout45-fixed) and their faults fixed by kind.
- held-out 46 and 47: reports ID01-ID25 and OE01-OE25 (session 17, two more writers), kept unread; first
  measured on the rules of main 8a960c7 (the end of session 16), again on a7aac80 and 59ae72c (sessions 17 and
  18); read in session 19, moved to tuning (heldout46-fixed, heldout47-fixed) and their faults fixed by kind.
- held-out 50 and 51: reports IF01-IF25 and YF01-YF25 (session 19, two more writers: Iraq's protests, ISIS and
  militia attacks, Syria's east and north-west and Turkey's operations, mostly 2016-2021; southern Syria, Lebanon's
  border, Yemen, Iran's Kurdistan and Jordan, 2018-2025), kept unread; first measured on the rules of main
  59ae72c (the end of session 18), again on 7166ed3 and 759b419 (the same figures); read in session 20, moved to
  tuning (heldout50-fixed, heldout51-fixed) and their faults fixed by kind.
- held-out 52 and 53: reports KA01-KA25 and KB01-KB25 (session 20, two more writers: Iraq, north and east Syria
  and Iran, 2015-2024; Lebanon and Israel's north, Gaza and the West Bank, Yemen, Jordan, western and southern
  Syria and Turkey, 2016-2025), kept unread; first measured on the rules of 7166ed3 and 759b419 (the same), again
  on 82760fc (the same); read in session 21, moved to tuning (heldout52-fixed, heldout53-fixed) and their faults
  fixed by kind.
- held-out 54 and 55: reports KC01-KC25 and KD01-KD25 (session 21, two more writers: Iraq, Syria's centre, north
  and east and Turkey's south-east, 2014-2023; Lebanon, Israel, Gaza and the West Bank, Yemen, Iran, Jordan and
  southern Syria, 2017-2025), kept unread; first measured on the rules of 82760fc: set 54 57.5% (23/40) / 78.1%
  (25/32) / 76.0% (19/25), set 55 94.6% (35/37) / 97.4% (38/39) / 84.2% (32/38), no draft in a wrong country;
  the same on b6a3f6f, dd83621, d36c8b3 and 8c5007f; read in session 22, moved to tuning (heldout54-fixed,
  heldout55-fixed) and their faults fixed by kind.
- held-out 56 and 57: reports KE01-KE25 and KF01-KF25 (session 22, two more writers: Iraq's Kurdistan Region and
  its edges, Baghdad and the south, Syria's north-west, 2015-2024; Syria's centre and coast, Yemen, Israel and the
  occupied territories, Iran, Turkey, 2014-2025), kept unread; first measured on the rules of 8c5007f: set 56 73.5%
  (25/34) / 74.4% (32/43) / 81.2% (26/32), set 57 77.1% (27/35) / 82.9% (29/35) / 89.7% (26/29), no draft in a wrong
  country; the same on 2d31037, e27cc37 and 735f9c4; read in session 23, moved to tuning (heldout56-fixed,
  heldout57-fixed) and their faults fixed by kind.
- held-out 58 and 59: reports KG01-KG25 and KH01-KH25 (session 23, two more writers: Iraq away from Baghdad, eastern
  Syria and Turkey, 2013-2025; Lebanon, Israel and the occupied territories, Jordan, Yemen, Iran, southern and western
  Syria, 2012-2025), kept unread; first measured on the rules of 735f9c4: set 58 75.7% (28/37) / 68.1% (32/47) / 78.1%
  (25/32), no draft in a wrong country; set 59 76.9% (30/39) / 82.1% (32/39) / 75.0% (24/32), 2 drafts in a wrong
  country; the same on the session's final rules; then added to the confidence fit (events/drafts/confidence.py
  FIT_SPLITS), never read.
- held-out 60 and 61: reports KI01-KI25 and KJ01-KJ25 (session 24, two more writers: Iraq, north and east Syria,
  Turkey's south-east and Iran's west, 2013-2025; Lebanon, Israel and the occupied territories, Yemen, Jordan,
  southern, central and coastal Syria and Iran, 2012-2025), kept unread; first measured on the rules of a36e22d (the
  end of session 23): set 60 75.0% (36/48) / 87.5% (35/40) / 85.7% (30/35), set 61 85.0% (34/40) / 82.5% (33/40) /
  84.8% (28/33), no draft in a wrong country; drafts at confidence 0.90-1.00 right 30/41 (73%); read in session 24,
  moved to tuning (heldout60-fixed, heldout61-fixed) and their faults fixed by kind.
- held-out 62 and 63: reports KK01-KK25 and KL01-KL25 (session 24, two more writers, same briefs as 60 and 61; some
  tell events that other reports tell from other outlets), kept unread; first measured on the rules of a36e22d: set 62
  88.9% (40/45) / 88.9% (40/45) / 82.5% (33/40), 2 drafts in a wrong country; set 63 84.6% (33/39) / 86.7% (39/45) /
  89.7% (35/39), none; drafts at confidence 0.90-1.00 right 32/35 (91%). Again on b5b111e (sets 60 and 61's kinds fixed):
  set 62 the same, set 63 84.2% (32/38) / 86.7% (39/45) / 87.2% (34/39); at 0.90-1.00, 31/34 right.
  Read in session 24, moved to tuning (heldout62-fixed, heldout63-fixed) and their faults fixed by kind.
- held-out 64 and 65: reports KM01-KM25 and KN01-KN25 (session 24, two more writers, same briefs; some tell events other
  reports tell from other outlets), kept unread; first measured on the rules of a36e22d: set 64 83.0% (39/47) / 83.7%
  (41/49) / 82.9% (34/41), set 65 97.4% (38/39) / 89.6% (43/48) / 86.0% (37/43), no draft in a wrong country; at
  0.90-1.00 32/39 right (82%); again on the session's final rules (b1a75d1 and after): set 64 83.3% (40/48) / 85.7% (42/49) / 81.0%
  (34/42), set 65 95.0% (38/40) / 89.6% (43/48) / 86.0% (37/43), none in a wrong country; at 0.90-1.00 35/43 (81%);
  then added to the confidence fit (events/drafts/confidence.py FIT_SPLITS), never read.
- held-out 66 to 69: reports KO01-KO25, KP01-KP25, KQ01-KQ25 and KR01-KR25 (session 25, four more writers, the briefs of
  64 and 65, articles of 2012-2018 for 66 and 67 and of 2019-2025 for 68 and 69), kept unread; first measured on the
  rules of 756c22b (the end of session 24): set 66 82.4% (28/34) / 71.1% (32/45) / 87.5% (28/32), set 67 84.8% (28/33) /
  77.6% (38/49) / 63.2% (24/38), set 68 75.5% (37/49) / 80.0% (36/45) / 88.9% (32/36), set 69 88.9% (32/36) / 91.9%
  (34/37) / 97.1% (33/34); all four 82.2% (125/152) / 79.5% (140/176) / 83.6% (117/140), no draft in a wrong country;
  at 0.90-1.00, 58/68 right (85%); baseline ("every name") 36.2% / 55.7% / 57.1%. Again on cfcacc1 (a district's
  centre for a name no place carries): set 67 85.7% (30/35) / 81.6% (40/49) / 65.0% (26/40), the others the same; all
  82.5% (127/154) / 80.7% (142/176) / 83.8% (119/142); at 0.90-1.00, 60/70 (86%). Sets 66 and 68 were then read and
  their kinds fixed (moved to tuning as heldout66-fixed, heldout68-fixed: 87.2% / 86.7% / 84.6% and 91.1% / 86.7% /
  92.3% after). Sets 67 and 69, never read, again on the session's final rules (8fbb7fe): set 67 85.7% (30/35) / 79.6%
  (39/49) / 66.7% (26/39), set 69 88.9% (32/36) / 91.9% (34/37) / 97.1% (33/34), none in a wrong country; at
  0.90-1.00, 33/36 right (92%); then added to the confidence fit (events/drafts/confidence.py FIT_SPLITS), never read.
- held-out 70 to 73: reports KS01-KS25, KT01-KT25, KU01-KU25 and KV01-KV25 (session 26, four more writers, the briefs
  of 66 to 69: articles of 2012-2018 for 70 and 71, of 2019-2025 for 72 and 73), kept unread; first measured on the
  rules of e94ec96 (the end of session 25): set 70 88.1% (37/42) / 83.0% (39/47) / 76.9% (30/39), set 71 82.5% (33/40)
  / 68.9% (31/45) / 83.9% (26/31), set 72 78.0% (39/50) / 90.9% (40/44) / 87.5% (35/40), set 73 83.7% (36/43) / 88.1%
  (37/42) / 75.7% (28/37); all four 82.9% (145/175) / 82.6% (147/178) / 81.0% (119/147), one draft in a wrong
  country (set 70); at 0.90-1.00, 67/78 right (86%); baseline ("every name") 37.3% / 60.7% / 54.6%. Sets 70 and 72 were
  then read and their kinds fixed (moved to tuning as heldout70-fixed, heldout72-fixed: 93.6% / 93.6% / 75.0% and 88.0% /
  100% / 97.7% after). Sets 71 and 73, never read, again on the session's final rules: the same figures as on e94ec96
  (71 82.5% / 68.9% / 83.9%, 73 83.7% / 88.1% / 75.7%; at 0.90-1.00, 33/39 right); then added to the confidence fit
  (events/drafts/confidence.py FIT_SPLITS), never read.
- held-out 74 to 77: reports KW01-KW25, KX01-KX25, KY01-KY25 and KZ01-KZ25 (session 27, four more writers, the briefs
  of 70 to 73 written anew: articles of 2012-2018 for 74 and 75, of 2019-2025 for 76 and 77), kept unread; first
  measured on the rules of 1eb951d (the end of session 26 and two fixes from a new user's trial): set 74 84.8% (28/33) /
  82.1% (32/39) / 87.5% (28/32), set 75 80.0% (28/35) / 80.0% (36/45) / 86.1% (31/36), set 76 63.9% (23/36) / 70.6%
  (24/34) / 75.0% (18/24), set 77 79.1% (34/43) / 76.2% (32/42) / 84.4% (27/32); all four 76.9% (113/147) / 77.5%
  (124/160) / 83.9% (104/124), three drafts in a wrong country (one in 74, two in 75); at 0.90-1.00, 59/71 right
  (83%); baseline ("every name") 28.0% / 63.1% / 51.5%. Sets 74 and 76 were then read and their kinds fixed (moved to
  tuning as heldout74-fixed, heldout76-fixed: 88.9% / 89.7% / 94.3% and 90.0% / 85.3% / 79.3% after). Sets 75 and 77,
  never read, again on the session's final rules: 79.4% (27/34) / 80.0% (36/45) / 86.1% (31/36) (one draft fewer, a
  repeat of a right one) and 79.1% (34/43) / 76.2% (32/42) / 84.4% (27/32), two drafts in a wrong country (set 75); at
  0.90-1.00, 32/41 right (78%); then added to the confidence fit (events/drafts/confidence.py FIT_SPLITS), never read.
- held-out 78 to 81: reports LA01-LA25, LB01-LB25 (LB22 left out: the same article as LA25), LC01-LC25 and
  LD01-LD25 (session 28, four more writers: 78 as 76, 79 as 77, 80 all of Iraq 2012-2018, 81 all of Syria and
  Turkey's border provinces 2012-2018), kept unread; first measured on the rules of b6be14e (the same figures on
  adb986a, the end of session 27): set 78 78.0% (32/41) / 82.5% (33/40) / 87.9% (29/33), set 79 87.1% (27/31) /
  93.3% (28/30) / 96.4% (27/28), set 80 76.2% (32/42) / 75.6% (31/41) / 100.0% (31/31), set 81 77.1% (27/35) /
  88.2% (30/34) / 90.0% (27/30); all four 79.2% (118/149) / 84.1% (122/145) / 93.4% (114/122), no draft in a wrong
  country; at 0.80-0.90 (none higher), 92/106 right (87%); baseline ("every name") 27.2% / 68.3% / 66.7%. Sets 78
  and 80 were then read and their kinds fixed (moved to tuning as heldout78-fixed, heldout80-fixed: 83.7% / 90.0% /
  88.9% and 81.8% / 87.8% / 97.2% after). Sets 79 and 81, never read, on the session's final rules: the same figures,
  81.8% (54/66) / 90.6% (58/64) / 93.1% (54/58) together, 44/48 right at 0.80-0.90; then added to the confidence fit
  (events/drafts/confidence.py FIT_SPLITS), never read.
- held-out 94 to 97: reports LQ01-LQ25, LR01-LR25, LS01-LS25 and LT01-LT25 (session 32, four more writers: Lebanon;
  Syria's north-east; Yemen's north and west; Iraq's centre and south, 2011-2025), kept unread; first measured on the
  rules of 5f933fc: set 94 87.2% (34/39) / 83.7% (36/43) / 86.1% (31/36), set 95 78.0% (32/41) / 82.5% (33/40) / 78.8%
  (26/33), set 96 65.7% (23/35) / 81.1% (30/37) / 86.7% (26/30), set 97 80.5% (33/41) / 97.4% (38/39) / 86.8% (33/38);
  all four 78.2% (122/156) / 86.2% (137/159) / 84.7% (116/137), one draft in a wrong country (set 94); at 0.80-0.90
  (none higher), 82/93 right (88%); baseline ("every name") 30.7% / 62.9% / 53.0%. Sets 95 and 96 were then read and
  their kinds fixed (moved to tuning as heldout95-fixed, heldout96-fixed: 80.0% / 88.3% / 82.4% together after). Sets
  94 and 97, never read, on the session's final rules (997c968): 84.8% (67/79) / 90.2% (74/82) / 86.5% (64/74), none in
  a wrong country; at 0.80-0.90, 49/51 right; then added to the confidence fit (events/drafts/confidence.py
  FIT_SPLITS), never read.
- held-out 48 and 49: reports IE01-IE25 and YE01-YE25 (session 18, two more writers: Iraq, north-east Syria,
  Turkey's operations and Iran, mostly 2018-2021; Lebanon, Israel and Gaza's border, Yemen, Jordan and western
  Syria, mostly 2022-2025), kept unread; first measured on the rules of main a7aac80 (the end of session 17), again
  on 84bbc1c and 59ae72c (the same figures); read in session 19, moved to tuning (heldout48-fixed, heldout49-fixed)
  and their faults fixed by kind.
  Sets 7 to 10 (session 5; frozen at main 2c114cc, 2738719, 9133b30 and d16a1b7; more countries,
  villages, relative dates, reports with no event, capitals named as governments) each failed their
  first measurement and moved to tuning as heldout7-fixed .. heldout10-fixed; their first
  measurements are in the labelled file's about text. Sets 7 on label each event also with ACLED's
  type and sub-type, fatalities and actors. A report whose misses are used to change a rule moves to
  tuning.

Figures, per split:
- places: every draft's location and origin against the report's labelled event places. Precision =
  drafted places within 25 km of a labelled place of that report / drafted places (a place drafted
  without coordinates, ambiguous or not found, counts as not right); recall = labelled places with a
  drafted place within 25 km / labelled places.
- dates: labelled events whose place was drafted, and the share of those whose draft (nearest within
  25 km) has the right date; also right date and place over all labelled events.
  A labelled date of week (month) precision counts as right for a draft within 3 days (in that month).
- wrong country: drafts in a country the report is not about (labelled ``countries``).
- what happened, on labelled events that carry these labels and have a draft within 25 km (the one
  with the right date first, then the nearest): event type and sub-event type equal to the label
  (ACLED's terms); fatalities equal to the stated number; actors: the labelled actors ("A|B" gives
  accepted spellings) found among the draft's actor1/actor2 (case, ACLED year spans and acronym
  prefixes ignored; one name containing the other counts).
- confidence: reliability by confidence bin, the splits side by side (tuning, calibration = the FIT
  of events/drafts/confidence.json, held-out sets): drafts, mean confidence, share right (place within
  25 km of a labelled event of the same date), and the expected calibration error (drafts-weighted
  mean |mean confidence - share right| over the bins); then the same per confidence class.
  ``--fit-confidence`` counts, on the calibration splits only, the placed drafts of each class and
  those right, and writes them to events/drafts/confidence.json with their source.
Baseline ("every name"): each gazetteer name the matcher finds in the report's countries becomes a
draft dated the publication day, no cue words, no merging.
Speed: reports per second once the gazetteer is loaded, one process and two processes.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from events.drafts import draft_report  # noqa: E402
from events.drafts.places import GAZETTEERS, find_names, gazetteer_name, report_countries, use_gazetteer  # noqa: E402
from events.drafts.text import report_text, sentences, words  # noqa: E402
from geodata.geo import distance_km  # noqa: E402

LABELLED = ROOT / "tests" / "events" / "drafts" / "data" / "labelled_reports.json"
SHARED = Path(os.environ["CONFLICTMAP_SHARED_DATA"]).parent if os.environ.get("CONFLICTMAP_SHARED_DATA") \
    else ROOT.parent / "shared"
SEED = SHARED / "seed" / "sputnik_2024-04-22_us_base_syria_attacked.txt"
KM = 25.0
BINS = ((0.0, 0.5), (0.5, 0.8), (0.8, 0.9), (0.9, 1.01))
SPLITS = {"tuning": ("fit", "heldout", "heldout2", "heldout3", "heldout4", "heldout5-fixed", "heldout7-fixed",
                     "heldout8-fixed", "heldout9-fixed", "heldout10-fixed", "heldout13-fixed", "heldout14-fixed",
                     "heldout15-fixed", "heldout16-fixed", "heldout17-fixed", "heldout22-fixed", "heldout23-fixed",
                     "heldout24-fixed", "heldout25-fixed", "heldout26-fixed", "heldout27-fixed",
                     "heldout30-fixed", "heldout31-fixed", "heldout34-fixed", "heldout35-fixed", "heldout36-fixed", "heldout37-fixed",
                     "heldout38-fixed", "heldout39-fixed", "heldout40-fixed", "heldout41-fixed",
                     "heldout42-fixed", "heldout43-fixed", "heldout44-fixed", "heldout45-fixed",
                     "heldout46-fixed", "heldout47-fixed", "heldout48-fixed", "heldout49-fixed",
                     "heldout50-fixed", "heldout51-fixed", "heldout52-fixed", "heldout53-fixed",
                     "heldout54-fixed", "heldout55-fixed", "heldout56-fixed", "heldout57-fixed",
                     "heldout60-fixed", "heldout61-fixed", "heldout62-fixed", "heldout63-fixed",
                     "heldout66-fixed", "heldout68-fixed", "heldout70-fixed", "heldout72-fixed",
                     "heldout74-fixed", "heldout76-fixed", "heldout78-fixed", "heldout80-fixed",
                     "heldout84-fixed", "heldout85-fixed", "heldout86-fixed", "heldout89-fixed",
                     "heldout91-fixed", "heldout92-fixed", "heldout95-fixed", "heldout96-fixed"),
          "held-out": ("heldout6",), "held-out 11": ("heldout11",), "held-out 12": ("heldout12",),
          "held-out 28": ("heldout28",), "held-out 29": ("heldout29",),
          "held-out 32": ("heldout32",), "held-out 33": ("heldout33",),
          "held-out 58": ("heldout58",), "held-out 59": ("heldout59",),
          "held-out 64": ("heldout64",), "held-out 65": ("heldout65",),
          "held-out 67": ("heldout67",), "held-out 69": ("heldout69",),
          "held-out 71": ("heldout71",), "held-out 73": ("heldout73",),
          "held-out 75": ("heldout75",), "held-out 77": ("heldout77",),
          "held-out 79": ("heldout79",), "held-out 81": ("heldout81",),      # in the confidence fit since session 28
          "read 78 80": ("heldout78-fixed", "heldout80-fixed"),
          # written in session 29 by four writers who never saw the drafter, measured unread first (all four); 84 and
          # 85 were then read and their faults fixed by kind, 82 and 83 never read (in the confidence fit since)
          "held-out 82": ("heldout82",), "held-out 83": ("heldout83",),
          "unread 82 83": ("heldout82", "heldout83"),
          "read 84 85": ("heldout84-fixed", "heldout85-fixed"),
          # written in session 30 by four writers who never saw the drafter, measured unread first (all four); 86
          # and 89 were then read and their faults fixed by kind, 87 and 88 never read (in the confidence fit since)
          "held-out 87": ("heldout87",), "held-out 88": ("heldout88",),
          "unread 87 88": ("heldout87", "heldout88"),
          "read 86 89": ("heldout86-fixed", "heldout89-fixed"),
          # written in session 31 by four writers who never saw the drafter, measured unread first (all four)
          # 91 and 92 were then read and their faults fixed by kind, 90 and 93 never read
          "held-out 90": ("heldout90",), "held-out 93": ("heldout93",),
          "unread 90 93": ("heldout90", "heldout93"),
          "read 91 92": ("heldout91-fixed", "heldout92-fixed"),
          # written in session 32 by four writers who never saw the drafter, measured unread first (all four)
          # 95 and 96 were then read and their faults fixed by kind, 94 and 97 never read (in the confidence fit since)
          "held-out 94": ("heldout94",), "held-out 97": ("heldout97",),
          "unread 94 97": ("heldout94", "heldout97"),
          "read 95 96": ("heldout95-fixed", "heldout96-fixed"),
          # sets 18-21: measured once each as held-out, then used only to fit the confidence
          "calibration": ("calibration18", "calibration19", "calibration20", "calibration21")}


def load_reports() -> list[dict]:
    return json.loads(LABELLED.read_text(encoding="utf-8"))["reports"]


def truth_places(report: dict) -> list[tuple[float, float]]:
    out = []
    for e in report["events"]:
        out.append((e["latitude"], e["longitude"]))
        if e.get("origin_latitude") is not None:
            out.append((e["origin_latitude"], e["origin_longitude"]))
    return out


def drafted_places(drafts: list[dict]) -> list[tuple[float, float] | None]:
    out = []
    for d in drafts:
        out.append((d["latitude"], d["longitude"]) if d["latitude"] is not None else None)
        if d.get("origin_location"):
            out.append((d["origin_latitude"], d["origin_longitude"]) if d.get("origin_latitude") is not None else None)
    return out


def near(a, b) -> bool:
    return a is not None and b is not None and distance_km(a[0], a[1], b[0], b[1]) <= KM


def baseline(report: dict) -> list[dict]:
    """Every gazetteer name found in the report's countries, dated the publication day."""
    from geodata import geocode
    text = report_text(report["text"])
    countries = report_countries(text)
    lower = frozenset(w.text.lower() for w in words(text) if w.text[:1].islower())
    out = []
    for s in sentences(text):
        for h in find_names(words(s.text, s.start), countries, lower):
            r = next((g for c in h.countries if (g := geocode(text[h.start:h.end], c)).status == "resolved"), None)
            out.append({"latitude": r.latitude if r else None, "longitude": r.longitude if r else None,
                        "event_date": report["published"], "country": h.countries[0] if len(h.countries) == 1 else "",
                        "confidence": 0.5, "origin_location": "", "event_type": "", "sub_event_type": "",
                        "fatalities": None, "actor1": "", "actor2": ""})
    return out


# Flags the drafter sets when the report does not say what kind of event it was (confidence halved).
UNSTATED = ("type not stated", "type inferred", "cause of the explosion not stated")


def reliability(conf: list[tuple[float, bool]]) -> tuple[dict, float]:
    """Per confidence bin: (drafts, mean confidence, share right); and the expected calibration error."""
    bands = {}
    for lo, hi in BINS:
        sel = [(c, ok) for c, ok in conf if lo <= c < hi]
        if sel:
            bands[f"{lo:.2f}-{min(hi, 1):.2f}"] = (len(sel), sum(c for c, _ in sel) / len(sel),
                                                   sum(ok for _, ok in sel) / len(sel))
    ece = sum(n * abs(mc - share) for n, mc, share in bands.values()) / len(conf) if conf else float("nan")
    return bands, ece


def date_ok(draft_date: str, event: dict) -> bool:
    """A draft's date is right when it is the labelled day; for a label of week precision (ACLED
    time_precision 2) any day within 3 days of it, for month precision (3) any day of that month."""
    if draft_date == event["event_date"]:
        return True
    prec = event.get("date_precision", 1)
    if prec == 2:
        return abs((date.fromisoformat(draft_date) - date.fromisoformat(event["event_date"])).days) <= 3
    if prec == 3:
        return draft_date[:7] == event["event_date"][:7]
    return False


def _actor_key(name: str) -> str:
    """Lower case, without ACLED's year spans "(2016-)" and prefixes "QSD: "."""
    import re
    name = re.sub(r"\(\d{4}-\d{0,4}\)", "", name or "")
    name = re.sub(r"^[A-Z]{2,5}:\s*", "", name.strip())
    return " ".join(name.lower().split())


def actor_found(label: str, drafted: list[str]) -> bool:
    """A labelled actor ("A|B": accepted spellings) is found when a drafted actor1/actor2 equals one
    spelling or one contains the other, ignoring case, year spans and ACLED's acronym prefixes."""
    keys = [_actor_key(d) for d in drafted if d]
    return any(k and a and (a == k or a in k or k in a) for a in map(_actor_key, label.split("|")) for k in keys)


def draft_right(d: dict, report: dict) -> bool:
    """The draft's place lies within 25 km of a labelled event of the report with the draft's date."""
    p = (d["latitude"], d["longitude"]) if d["latitude"] is not None else None
    return any(near(p, (e["latitude"], e["longitude"])) and date_ok(d["event_date"], e) for e in report["events"])


def confidence_counts(reports: list[dict]) -> dict[str, tuple[int, int]]:
    """{confidence class: (placed drafts, drafts right)} over ``reports`` (events/drafts/confidence.py)."""
    counts: dict[str, list[int]] = {}
    for r in reports:
        for d in ours(r):
            if d["latitude"] is None:
                continue            # no coordinates: confidence 0, never right; not part of the fit
            c = counts.setdefault(d["confidence_class"], [0, 0])
            c[0] += 1
            c[1] += draft_right(d, r)
    return {k: (v[0], v[1]) for k, v in sorted(counts.items())}


# the rules the fit counts drafts of (write it again when a rule changes, then refit)
RULES = ("drafts rules of main ff042e1 (sets 18-21 each measured once as held-out on them) plus two kinds fixed "
         "on tuning reports only in session 9: a governorate's name as its seat, an ambiguous name placed by the "
         "report's other places, a town missed by its spelling found inside the province named; plus kinds fixed in "
         "session 10 on tuning reports (sets 22/23 after their first measurement): a city of a named country outside "
         "the region, 'the targets were ... near X and Y', a province with a joined article, a one-word name spelled "
         "another way settled like an ambiguous one, a near spelling confirmed by the province, border or places "
         "named or by the Kurdistan Region"
         "; refitted in session 15 on sets 18-21 with held-out sets 28, 29, 32 and 33 (never read) on the "
         "rules of that session; since session 23 with held-out sets 58 and 59 too (measured twice unread, never "
         "read); since session 24 with held-out sets 64 and 65 too (measured twice unread, never read); "
         "since session 25 with held-out sets 67 and 69 too (measured twice unread, never read); "
         "since session 26 with held-out sets 71 and 73 too (measured twice unread, never read); "
         "since session 27 with held-out sets 75 and 77 too (measured twice unread, never read); "
         "since sessions 28, 29 and 30 with held-out sets 79 and 81, 82 and 83, 87 and 88 too (measured twice "
         "unread, never read); refitted on "
         "the rules of the commit below")


def fit_confidence() -> dict[str, tuple[int, int]]:
    """Refit events/drafts/confidence.json on the calibration splits; returns the counts."""
    import subprocess
    from events.drafts import confidence as K
    reports = [r for r in load_reports() if r["split"] in K.FIT_SPLITS]
    counts = confidence_counts(reports)
    head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                          text=True).stdout.strip() or "unknown"
    about = {"source": "benchmarks/draft_accuracy.py --fit-confidence: placed drafts per class and those right "
                       "(place within 25 km of a labelled event of the same date) on the labelled reports of "
                       "tests/events/drafts/data/labelled_reports.json",
             "sets": list(K.FIT_SPLITS), "reports": len(reports),
             "rules": RULES,
             "fitted_at_commit": head, "fitted_on": date.today().isoformat()}
    K.write(counts, about)
    return counts


def score(reports: list[dict], drafter) -> dict:
    drafted = right_places = truth_n = found = events = dated = date_right = wrong_country = 0
    wrong_drafts: list[tuple[str, str, str]] = []
    both_right = n_drafts = 0
    conf: list[tuple[float, bool]] = []
    stated: list[tuple[float, bool]] = []       # drafts whose type the report states
    by_class: dict[str, list[tuple[float, bool]]] = {}
    misses: list[str] = []
    # what happened, on labelled events with a draft placed within 25 km (same date preferred)
    typed = type_right = sub_right = fat_n = fat_right = actor_n = actor_right = 0
    for r in reports:
        drafts = drafter(r)
        n_drafts += len(drafts)
        truth = truth_places(r)
        mine = drafted_places(drafts)
        drafted += len(mine)
        right_places += sum(1 for p in mine if any(near(p, t) for t in truth))
        truth_n += len(truth)
        found += sum(1 for t in truth if any(near(p, t) for p in mine))
        wrong = [(r["id"], d.get("location"), d["country"]) for d in drafts if d["country"] and d["country"] not in r["countries"]]
        wrong_country += len(wrong)
        wrong_drafts += wrong
        for e in r["events"]:
            events += 1
            t = (e["latitude"], e["longitude"])
            close = [d for d in drafts if near((d["latitude"], d["longitude"]) if d["latitude"] is not None else None, t)]
            if close:
                dated += 1
                best = min(close, key=lambda d: distance_km(d["latitude"], d["longitude"], *t))
                ok = any(date_ok(d["event_date"], e) for d in close)
                date_right += ok
                both_right += ok
                if not ok:
                    misses.append(f"{r['id']} {e['location']}: date {best['event_date']} != {e['event_date']}")
                same = [d for d in close if date_ok(d["event_date"], e)]
                match = min(same or close, key=lambda d: distance_km(d["latitude"], d["longitude"], *t))
                if e.get("event_type"):
                    typed += 1
                    type_right += match["event_type"] == e["event_type"]
                    sub_right += match["sub_event_type"] == e["sub_event_type"]
                    if match["sub_event_type"] != e["sub_event_type"]:
                        misses.append(f"{r['id']} {e['location']}: type {match['event_type']} / {match['sub_event_type']}"
                                      f" != {e['event_type']} / {e['sub_event_type']}")
                if e.get("fatalities") is not None:
                    fat_n += 1
                    fat_right += match["fatalities"] == e["fatalities"]
                    if match["fatalities"] != e["fatalities"]:
                        misses.append(f"{r['id']} {e['location']}: fatalities {match['fatalities']} != {e['fatalities']}")
                for a in e.get("actors", ()):
                    actor_n += 1
                    hit = actor_found(a, [match.get("actor1", ""), match.get("actor2", "")])
                    actor_right += hit
                    if not hit:
                        misses.append(f"{r['id']} {e['location']}: actor {a} not among "
                                      f"{match.get('actor1', '')!r}, {match.get('actor2', '')!r}")
            else:
                misses.append(f"{r['id']} {e['location']}: no draft within {KM:.0f} km")
        for d in drafts:
            p = (d["latitude"], d["longitude"]) if d["latitude"] is not None else None
            ok = draft_right(d, r)
            conf.append((float(d["confidence"]), ok))
            if d.get("confidence_class"):
                by_class.setdefault(d["confidence_class"] if p is not None else "no coordinates", []).append(
                    (float(d["confidence"]), ok))
            if not any(f.startswith(UNSTATED) for f in d.get("flags", ())):
                stated.append((float(d["confidence"]), ok))
            if p is None or not any(near(p, t) for t in truth):
                misses.append(f"{r['id']} extra draft: {d.get('location', '?')} {d['event_date']} ({d.get('geo_status', '')})")
    bands, ece = reliability(conf)
    bands_stated, ece_stated = reliability(stated)
    return {
        "reports": len(reports), "drafts": n_drafts,
        "place_precision": right_places / drafted if drafted else float("nan"),
        "place_recall": found / truth_n if truth_n else float("nan"),
        "places": (right_places, drafted, found, truth_n),
        "dates_right_of_found": date_right / dated if dated else float("nan"),
        "dates": (date_right, dated, events),
        "place_and_date_right": both_right / events if events else float("nan"),
        "wrong_country": wrong_country,
        "wrong_country_drafts": wrong_drafts,       # (report id, location, country) of each
        "mean_confidence": sum(c for c, _ in conf) / len(conf) if conf else float("nan"),
        "share_right": sum(ok for _, ok in conf) / len(conf) if conf else float("nan"),
        "bands": bands, "ece": ece, "bands_stated": bands_stated, "ece_stated": ece_stated,
        "stated": len(stated), "misses": misses, "by_class": by_class,
        "typed": (type_right, sub_right, typed), "fatalities": (fat_right, fat_n), "actors": (actor_right, actor_n),
    }


def ours(r: dict) -> list[dict]:
    return draft_report(r["text"], date.fromisoformat(r["published"]), r["source"], r["source_url"]).drafts


def _share(right: int, n: int) -> str:
    return f"{right / n:.1%} ({right}/{n})" if n else "not labelled"


def print_table(results: dict[str, dict]) -> None:
    cols = list(results)
    rows = [("reports", lambda s: f"{s['reports']}"), ("drafts", lambda s: f"{s['drafts']}"),
            ("place precision (25 km)", lambda s: f"{s['place_precision']:.1%} ({s['places'][0]}/{s['places'][1]})"),
            ("place recall (25 km)", lambda s: f"{s['place_recall']:.1%} ({s['places'][2]}/{s['places'][3]})"),
            ("dates right, events placed", lambda s: f"{s['dates_right_of_found']:.1%} ({s['dates'][0]}/{s['dates'][1]})"),
            ("place+date right, all events", lambda s: f"{s['place_and_date_right']:.1%} ({s['dates'][0]}/{s['dates'][2]})"),
            ("drafts in a wrong country", lambda s: f"{s['wrong_country']}"),
            ("event type right (placed)", lambda s: _share(s["typed"][0], s["typed"][2])),
            ("sub-event type right (placed)", lambda s: _share(s["typed"][1], s["typed"][2])),
            ("fatalities right (placed)", lambda s: _share(*s["fatalities"])),
            ("actors found (placed)", lambda s: _share(*s["actors"])),
            ("mean confidence / share right", lambda s: f"{s['mean_confidence']:.2f} / {s['share_right']:.2f}")]
    width = 31
    print(" " * width + "".join(f"{c:>22}" for c in cols))
    print(f"{'gazetteer (matcher)':<{width}}" + "".join(f"{gazetteer_name():>22}" for _ in cols))
    for name, fmt in rows:
        print(f"{name:<{width}}" + "".join(f"{fmt(results[c]):>22}" for c in cols))


def _column(name: str) -> str:
    from events.drafts import confidence as K
    return f"{name} (FIT)" if name in ("calibration", "held-out 28", "held-out 29", "held-out 32", "held-out 33",
                                       "held-out 58", "held-out 59") \
        and set(SPLITS[name]) <= set(K.FIT_SPLITS) else name


def print_reliability(results: dict[str, dict], names: list[str]) -> None:
    """The reliability tables, the splits side by side: per bin 'drafts / mean confidence / share right',
    and the expected calibration error; then per confidence class."""
    print("\nconfidence reliability: right = place within 25 km of a labelled event of the same date;\n"
          "each cell: drafts / mean confidence / share right. Columns marked (FIT) are the sets the confidence\n"
          "table was fitted on (calibration and, since session 15, held-out 28/29/32/33: fit figures); tuning\n"
          "and the other held-out sets are not part of that fit.\n"
          "'type stated' drafts: confidence is the measured quantity; 'all' adds the drafts whose type the\n"
          "report leaves open, whose confidence is halved by a prior (event types are not labelled).")
    width, first = 24, 18
    for label, key in (("type stated", "_stated"), ("all", "")):
        print(f"\n  {label} drafts")
        print(" " * first + "".join(f"{_column(n):>{width}}" for n in names))
        stats = [results[f"drafts {n}"] for n in names]
        print(f"{'drafts':<{first}}" + "".join(f"{sum(b[0] for b in s[f'bands{key}'].values()):>{width}}" for s in stats))
        print(f"{'ECE':<{first}}" + "".join(f"{s[f'ece{key}']:>{width}.3f}" for s in stats))
        for lo, hi in BINS:
            band = f"{lo:.2f}-{min(hi, 1):.2f}"
            cells = []
            for s in stats:
                b = s[f"bands{key}"].get(band)
                cells.append(f"{b[0]} / {b[1]:.2f} / {b[2]:.0%}" if b else "-")
            print(f"{band:<{first}}" + "".join(f"{c:>{width}}" for c in cells))
    print("\n  all drafts by confidence class (events/drafts/confidence.py; before the type prior's halving)")
    print(" " * first + "".join(f"{_column(n):>{width}}" for n in names))
    classes = sorted({c for n in names for c in results[f"drafts {n}"]["by_class"]})
    for c in classes:
        cells = []
        for n in names:
            sel = results[f"drafts {n}"]["by_class"].get(c, [])
            cells.append(f"{len(sel)} / {sum(x for x, _ in sel) / len(sel):.2f} / {sum(ok for _, ok in sel) / len(sel):.0%}"
                         if sel else "-")
        print(f"{c:<{first}}" + "".join(f"{x:>{width}}" for x in cells))


def _speed_worker(args):
    reports, repeat = args
    t = time.perf_counter()
    for _ in range(repeat):
        for r in reports:
            ours(r)
    return len(reports) * repeat, time.perf_counter() - t


def _warm(_):
    for r in load_reports():
        ours(r)
    return True


def speed(reports: list[dict], repeat: int) -> None:
    for r in reports:          # load the gazetteer and every automaton, fill the geocoder memo
        ours(r)
    n, secs = _speed_worker((reports, repeat))
    print(f"speed, 1 process: {n} reports in {secs:.2f} s = {n / secs:.1f} reports/s")
    ctx = mp.get_context("fork")
    with ctx.Pool(2) as pool:
        pool.map(_warm, [0, 1])
        t = time.perf_counter()
        parts = pool.map(_speed_worker, [(reports, repeat)] * 2)
        wall = time.perf_counter() - t
    total = sum(p[0] for p in parts)
    print(f"speed, 2 processes: {total} reports in {wall:.2f} s wall = {total / wall:.1f} reports/s "
          f"(machine shared with other work: load average {os.getloadavg()[0]:.1f})")


def seed_check() -> None:
    if not SEED.exists():
        print("seed report: ../shared/seed not found, skipped")
        return
    drafts = draft_report(SEED.read_text(encoding="utf-8"), date(2024, 4, 22)).drafts
    print(f"seed report: {len(drafts)} drafts")
    for d in drafts:
        o = f" from {d['origin_location']} ({d['origin_country']})" if d["origin_location"] else ""
        print(f"  {d['event_date']} {d['sub_event_type'] or d['event_type']}: {d['location']} ({d['country']}){o}"
              f" fatalities={d['fatalities']} confidence={d['confidence']}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--misses", action="store_true", help="list every miss")
    parser.add_argument("--splits", nargs="+", choices=list(SPLITS), default=None, metavar="SPLIT",
                        help="score only these splits (names as printed: " + ", ".join(repr(n) for n in SPLITS) +
                        "); the 'all' columns then cover only them. Use '--splits tuning held-out' while fixing "
                        "rules so no miss of a set still held out is ever printed")
    parser.add_argument("--gazetteer", choices=GAZETTEERS, default=None,
                        help="the matcher's gazetteer (default: the drafter's default)")
    parser.add_argument("--fit-confidence", action="store_true",
                        help="refit events/drafts/confidence.json on the calibration splits only, print it, stop")
    args = parser.parse_args()
    if args.fit_confidence:
        counts = fit_confidence()
        from events.drafts import confidence as K
        print(f"events/drafts/confidence.json refitted on {', '.join(K.FIT_SPLITS)}:")
        for c in (f"{a}|{b}" for a in K.CUES for b in K.DATES):
            n, k = counts.get(c, (0, 0))
            print(f"  {c:<14} {k}/{n} right -> confidence {K.confidence(c):.3f}")
        return 0
    if args.gazetteer:
        use_gazetteer(args.gazetteer)
    reports = load_reports()
    if args.splits:
        keep = {m for name in args.splits for m in SPLITS[name]}
        reports = [r for r in reports if r["split"] in keep]
    t = time.perf_counter()
    seed_check()
    print(f"(first run, gazetteer loading included: {time.perf_counter() - t:.1f} s)\n")
    results = {}
    parts = {name: [r for r in reports if r["split"] in members] for name, members in SPLITS.items()}
    unknown = {r["split"] for r in load_reports()} - {m for members in SPLITS.values() for m in members}
    if unknown:
        raise SystemExit(f"reports in no split: {sorted(unknown)}")
    parts = {name: part for name, part in parts.items() if part}
    for name, part in parts.items():
        ids = sorted(r["id"] for r in part)
        print(f"{name}: {len(part)} reports ({ids[0]}..{ids[-1]}; file splits {', '.join(SPLITS[name])})")
    print()
    for name, part in parts.items():
        results[f"drafts {name}"] = score(part, ours)
    results["drafts all"] = score(reports, ours)
    for name in parts:
        if name.startswith("held-out"):
            results[f"baseline {name}"] = score(parts[name], baseline)
    results["baseline all"] = score(reports, baseline)
    print_table(results)
    print_reliability(results, [*parts, "all"])
    if args.misses:
        for name in parts:
            print(f"\nmisses, {name}:")
            for m in results[f"drafts {name}"]["misses"]:
                print("  " + m)
    if not args.no_speed:
        print()
        speed(reports, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
