"""The ground floor: characters, words and clitics, tokens and sentences, the optional tagger.

``chars`` folds letters and defines the Arabic letter classes, ``clitics`` the proclitic and
suffix tables, ``words`` word knowledge from frequencies, ``tokenize`` tokens and sentences with
offsets, ``tagger`` the optional UDPipe model and the analyzer. Nothing here imports from the rest
of the package except ``checker.errors``.
"""
