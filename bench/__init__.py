"""netspec's benchmark suite: the emitted train step side by side with the stacks a user would
otherwise pick (``netspec bench``; see ``bench/suite.py``).  Peers are an optional extra
(``pip install .[bench]``), never a runtime dependency."""
