"""The full-text archive index (whoosh + jieba) behind a small facade."""
