"""Masking personal data in free text: names, e-mail addresses, phone numbers, identity codes
and IP addresses.

Modules: ``patterns`` (identity codes, e-mails, phone numbers), ``names`` (the team-written name
lists and context words, read from ``data/names_fi.txt`` and ``data/name_context_words.txt``),
``words`` (what is known of one word form), ``context`` (clause-level person contexts), ``clues``
(more person contexts: ages, family, origin, documents, Swedish titles, particles), ``grouping``
(which words form a run of name words), ``runs`` (decisions over a text's runs of name words:
coordination, foundations, a surname repeated after the full name), ``signature`` (initials),
``decide`` (whether a run of name words is a person's name, by its context), ``masker``
(:class:`PiiMasker` and :func:`mask_pii`), ``evaluation`` (scoring a masker on a marked-up set such
as ``corpus/pii/heldout.txt``), ``pseudonyms`` (:class:`IdPseudonyms`: stable pseudonyms for
respondent ids that are personal data), ``parts`` (:class:`MaskedParts`: a text's masked parts and
offsets into the masked text).
"""

from __future__ import annotations

from vastausanalyysi.nlp.pii.masker import (
    EMAIL,
    HETU,
    IBAN,
    IP,
    NAME,
    PHONE,
    PiiMasker,
    default_masker,
    mask_pii,
    masked_lemmas,
    valid_hetu,
)
from vastausanalyysi.nlp.pii.parts import MaskedParts
from vastausanalyysi.nlp.pii.pseudonyms import PLACEHOLDERS, IdPseudonyms

__all__ = [
    "EMAIL",
    "HETU",
    "IBAN",
    "IP",
    "NAME",
    "PHONE",
    "PLACEHOLDERS",
    "IdPseudonyms",
    "MaskedParts",
    "PiiMasker",
    "default_masker",
    "mask_pii",
    "masked_lemmas",
    "valid_hetu",
]
