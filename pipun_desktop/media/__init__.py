"""Images (photos, the emblem): checked when they enter, stored small. Qt-free; see images.py."""
