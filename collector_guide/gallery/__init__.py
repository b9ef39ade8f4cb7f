"""The gallery: its config and catalogue as the app uses them, wall-label links and QR codes,
and the viewing card a visitor keeps. Above keep and photo, below authoring and the shells."""
