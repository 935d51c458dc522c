# -*- coding: utf-8 -*-
# Console script "__NAME__", made by jvirtualenv from an entry point of __DISTRIBUTION__.
import sys

from __MODULE__ import __IMPORT__

if __name__ == "__main__":
    sys.exit(__CALL__())
