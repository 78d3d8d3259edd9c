"""The licence every dataset is published under, chosen with settings.OPEN_DATA_LICENSE: the two a Swedish
public body usually picks."""

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class Licence:
    code: str
    name: str
    url: str


LICENCES = {
    "CC0": Licence("CC0", "CC0 1.0 Universell", "http://creativecommons.org/publicdomain/zero/1.0/"),
    "CC-BY-4.0": Licence("CC-BY-4.0", "Creative Commons Erkännande 4.0", "http://creativecommons.org/licenses/by/4.0/"),
}


def current_licence():
    return LICENCES[settings.OPEN_DATA_LICENSE]
