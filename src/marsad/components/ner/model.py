"""The shipped CRF named-entity model: loading, batched tagging and a document-level pass."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from marsad.components.ner.features import Featurizer, resource_path
from marsad.components.ner.linear import WEIGHTS_FILE, FastScorer, LinearCRF
from marsad.core.errors import ResourceError, require
from marsad.text.morph import light_stem, name_forms, zipf
from marsad.text.normalize import norm_word

MODEL_FILE = "crf.bin"
CONLL_WINDOW = 30  # sentences either side that count as "the same document" in CoNLL input


NAMES_FILE = "names.tsv"
O_THRESHOLD = 0.0  # tag an O token as an entity when its marginal P(O) is below this
SURNAME_MAX_ZIPF = 3.5  # a person's last name also counts alone when rarer than this (wordfreq Zipf)


@lru_cache(maxsize=4)
def load_names(path: str) -> dict[tuple[str, ...], str]:
    """The always-tagged names list: normalised word tuple -> label."""
    table: dict[tuple[str, ...], str] = {}
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return table
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        label, _, name = line.partition("\t")
        key = tuple(norm_word(w) for w in name.split())
        if key and label in ("PERS", "ORG", "LOC", "MISC"):
            table[key] = label
    return table


def apply_names(sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]],
                names: dict[tuple[str, ...], str]) -> list[list[str]]:
    """Tag every listed name (longest first); model entities it overlaps are removed."""
    out = [list(t) for t in tags]
    if not names:
        return out
    longest = max(len(k) for k in names)
    for words, ts in zip(sentences, out, strict=True):
        norms = [norm_word(w) for w in words]
        i = 0
        while i < len(norms):
            hit = _match_at(norms, i, names, longest)
            if hit:
                n, label = hit
                _clear_overlaps(ts, i, i + n)
                ts[i : i + n] = [f"B-{label}"] + [f"I-{label}"] * (n - 1)
            i += hit[0] if hit else 1
    return out


def _match_at(norms: Sequence[str], i: int, names: dict[tuple[str, ...], str], longest: int) -> tuple[int, str] | None:
    firsts = [f for f in name_forms(norms[i]) if (f,) in names or f in _name_starts(id(names), names)]
    if not firsts:
        return None
    rest = tuple(norms[i + 1 : i + longest])
    for n in range(len(rest) + 1, 0, -1):
        for first in firsts:
            label = names.get((first, *rest[: n - 1]))
            if label:
                return n, label
    return None


_STARTS: dict[int, tuple[dict, frozenset[str]]] = {}


def _name_starts(key: int, names: dict[tuple[str, ...], str]) -> frozenset[str]:
    """First words of the listed names (a quick test before trying every length)."""
    entry = _STARTS.get(key)
    if entry is None or entry[0] is not names:
        entry = _STARTS[key] = (names, frozenset(k[0] for k in names))
    return entry[1]


def _clear_overlaps(tags: list[str], a: int, b: int) -> None:
    """Set to O every entity that overlaps tokens [a, b)."""
    lo = a
    while lo > 0 and tags[lo].startswith("I-"):
        lo -= 1
    hi = b
    while hi < len(tags) and tags[hi].startswith("I-"):
        hi += 1
    for k in range(lo, hi):
        tags[k] = "O"


class NerModel:
    """A CRF tagger over :class:`Featurizer` features; ``tag`` takes sentences of words."""

    def __init__(self, model_dir: str | Path | None = None, consistency: bool = True, names: bool = True,
                 o_threshold: float = O_THRESHOLD, fast: bool = True) -> None:
        crfsuite = require("pycrfsuite", "ner")
        path = resource_path(MODEL_FILE, model_dir)
        if not path.is_file():
            raise ResourceError(f"NER model file {path} is missing; rebuild it with 'marsad train ner'")
        self.featurizer = Featurizer(model_dir)
        self.tagger = crfsuite.Tagger()
        self.tagger.open(str(path))
        weights = resource_path(WEIGHTS_FILE, model_dir)
        self.fast = FastScorer(self.featurizer, LinearCRF(weights)) if fast and weights.is_file() and o_threshold <= 0 else None
        self.entity_labels = [lab for lab in self.tagger.labels() if lab != "O"]
        self.o_threshold = o_threshold
        self.consistency = consistency
        self.names = load_names(str(resource_path(NAMES_FILE, model_dir))) if names else {}

    def tag_sentence(self, words: Sequence[str]) -> list[str]:
        """Viterbi tags, then any O token whose marginal P(O) is below ``o_threshold`` takes
        its likeliest entity tag (the model is more precise than it recalls: this trades)."""
        if not words:
            return []
        if self.fast is not None:
            return self.fast.tag([words])[0]
        tags = list(self.tagger.tag(self.featurizer.sentence(words)))
        if self.o_threshold > 0:
            marginal = self.tagger.marginal
            for i, tag in enumerate(tags):
                if tag == "O" and marginal("O", i) < self.o_threshold:
                    def score(label: str, i: int = i) -> float:
                        return float(marginal(label, i))

                    tags[i] = max(self.entity_labels, key=score)
        return tags

    def tag(self, sentences: Sequence[Sequence[str]], window: int = 0) -> list[list[str]]:
        """Tags for each sentence of one document (the consistency pass looks across them;
        ``window`` > 0 limits it to that many sentences either side)."""
        if self.fast is not None:
            tags = self.fast.tag(sentences)
        else:
            tags = [self.tag_sentence(s) for s in sentences]
        if self.consistency:
            tags = propagate(sentences, tags, window)
        return apply_names(sentences, tags, self.names) if self.names else tags


def sentence_names(words: Sequence[str], tags: Sequence[str]) -> list[tuple[tuple[str, ...], str]]:
    """The names tagged in one sentence, as (normalised stems, label); the last word of a
    person's name of two or more words also counts alone when it is rare (a surname:
    رامسفيلد after دونالد رامسفيلد)."""
    out = []
    i = 0
    while i < len(tags):
        if tags[i] == "O":
            i += 1
            continue
        label = tags[i][2:]
        j = i + 1
        while j < len(tags) and tags[j] == f"I-{label}":
            j += 1
        key = tuple(light_stem(norm_word(w)) for w in words[i:j])
        if len(key) > 1 or len(key[0]) > 2:
            out.append((key, label))
        i = j
    surnames = [((k[-1],), lab) for k, lab in out if lab == "PERS" and len(k) > 1 and _surname(k[-1])]
    return out + surnames


def _surname(stem: str) -> bool:
    return len(stem) > 3 and zipf(stem) < SURNAME_MAX_ZIPF


def _vote(names: Sequence[list[tuple[tuple[str, ...], str]]]) -> dict[tuple[str, ...], str]:
    counts: dict[tuple[str, ...], Counter[str]] = {}
    for sent in names:
        for key, label in sent:
            counts.setdefault(key, Counter())[label] += 1
    return {k: c.most_common(1)[0][0] for k, c in counts.items()}


def _fill(words: Sequence[str], tags: list[str], names: dict[tuple[str, ...], str], max_len: int) -> None:
    stems = [light_stem(norm_word(w)) for w in words]
    i = 0
    while i < len(tags):
        hit = 0
        for n in range(min(max_len, len(tags) - i), 0, -1):
            key = tuple(stems[i : i + n])
            if key in names and all(t == "O" for t in tags[i : i + n]):
                hit, label = n, names[key]
                tags[i] = f"B-{label}"
                for k in range(i + 1, i + n):
                    tags[k] = f"I-{label}"
                break
        i += max(hit, 1)


def propagate(sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]], window: int = 0,
              max_len: int = 4) -> list[list[str]]:
    """Tag untagged repeats of a name the model tagged elsewhere in the same document.

    ``window`` > 0 limits "the same document" to that many sentences on either side (for
    input without document marks, such as a CoNLL file); 0 means all of ``sentences``.
    """
    names = [sentence_names(w, t) for w, t in zip(sentences, tags, strict=True)]
    out = [list(t) for t in tags]
    whole = _vote(names) if window <= 0 else None
    for i, (words, ts) in enumerate(zip(sentences, out, strict=True)):
        found = whole if whole is not None else _vote(names[max(0, i - window) : i + window + 1])
        if found:
            _fill(words, ts, found, max_len)
    return out


@lru_cache(maxsize=2)
def load_model(model_dir: str | None = None) -> NerModel:
    return NerModel(model_dir)
