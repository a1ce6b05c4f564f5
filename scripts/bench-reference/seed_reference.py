"""Seeds the reference app (miguelgrinberg/microblog) with the rows of a seeded Microblog database.

Run by scripts/bench-reference.ts with the reference checkout as the working directory (and on
PYTHONPATH), DATABASE_URL pointing at the reference's empty SQLite file:

    python3 seed_reference.py <microblog.db> <password>

Creates the reference's tables through its models (db.create_all(): the names and indexes of its
migrations) and copies the same users, posts and follows, so both apps serve the same data shape.
Everyone gets one password hash made by the reference's own User.set_password.
"""
import sqlite3
import sys
from datetime import datetime, timezone

from app import create_app, db
from app.models import User, Post, followers

source, password = sys.argv[1], sys.argv[2]


def when(ms):
    """Microblog stores INTEGER milliseconds (UTC); the reference stores UTC datetimes."""
    return None if ms is None else datetime.fromtimestamp(ms / 1000, timezone.utc)


app = create_app()
with app.app_context():
    db.create_all()
    src = sqlite3.connect(f'file:{source}?mode=ro', uri=True)
    hasher = User()
    hasher.set_password(password)
    users = [
        {'id': id, 'username': username, 'email': email, 'about_me': about_me,
         'last_seen': when(last_seen), 'password_hash': hasher.password_hash}
        for id, username, email, about_me, last_seen in src.execute(
            'SELECT id, username, email, about_me, last_seen FROM user')]
    db.session.bulk_insert_mappings(User, users)
    # Language 'en' like a post written in English (the reference detects it when posting), so no
    # "Translate" link appears for an English reader.
    posts = [
        {'id': id, 'body': body, 'timestamp': when(ts), 'user_id': user_id,
         'language': 'en'}
        for id, body, ts, user_id in src.execute(
            'SELECT id, body, timestamp, user_id FROM post')]
    db.session.bulk_insert_mappings(Post, posts)
    follows = [{'follower_id': a, 'followed_id': b} for a, b in src.execute(
        'SELECT follower_id, followed_id FROM followers')]
    db.session.execute(followers.insert(), follows)
    db.session.commit()
    print(f'Reference seeded: {len(users)} users, {len(posts)} posts, '
          f'{len(follows)} follows.')
